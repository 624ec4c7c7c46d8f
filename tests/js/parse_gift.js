// Reads a GIFT file with gift-pegjs (a parser this project did not write) and prints what it
// understood as JSON, for tests/test_formats.py. Exit 1 with the parser's message on a syntax error.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (err) {
  const where = err.location ? `${err.location.start.line}:${err.location.start.column}: ` : "";
  process.stderr.write(`${where}${err.message}\n`);
  process.exit(1);
}
