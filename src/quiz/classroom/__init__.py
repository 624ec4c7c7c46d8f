"""The classroom: exam papers sat from a code, results that travel as files, and the
teacher's view of a class (results and the report). Free of any user interface."""
