"""Where the game is played: a person's own terminal or a browser tab of `quiz serve`. What
differs between the two is said here once, and the front ends ask the seat what to offer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Seat:
    """Where the game is played, and all that follows from it, said once: the front ends ask
    the seat, never whether they are served."""

    asks_name: bool  # who is playing comes first (a browser tab has no user name to take)
    lists_players: bool  # other players are listed, and the game can become one of them
    names_others: bool  # the summary's top five names other players
    class_report: bool  # the class's results (every student's) can be opened here
    hand_in_by_file: bool  # a sitting lives here until its results file reaches the teacher
    remembers_player: bool  # the player becomes this computer's "last player"
    # A paper's marks and right answers wait for the teacher's release (or its closing time):
    # a served student hands in and sees their answers, nothing more, so a throwaway name
    # cannot read the key to a test that counts. A terminal's student keeps the pack anyway.
    withholds_key: bool = False


# A person's own terminal: their computer, their players, their class's results.
TERMINAL = Seat(
    asks_name=False,
    lists_players=True,
    names_others=True,
    class_report=True,
    hand_in_by_file=True,
    remembers_player=True,
)
# A browser tab of `quiz serve` (quiz.web): one student, who names themself first, never sees
# another student's name, stats or results; their answers are kept where the teacher looks.
BROWSER_TAB = Seat(
    asks_name=True,
    lists_players=False,
    names_others=False,
    class_report=False,
    hand_in_by_file=False,
    remembers_player=False,
    withholds_key=True,
)
