# English plural forms (fim-playground_en.ts holds only the messages with %n): source text -> (one, many).
# fill_ts.py applies it; the messages without a plural keep their source text.
TRANSLATIONS = {
    " · %n coming": (" · %n coming", " · %n coming"),
    " · %n same folded": (" · %n same folded", " · %n same folded"),
    " · %n failed": (" · %n failed", " · %n failed"),
    "%n cannot be read": ("%n cannot be read", "%n cannot be read"),
    "Not recorded: this prefix and suffix were asked %n time(s) but never answered (the newest: %1).":
        ("Not recorded: this prefix and suffix were asked once but never answered (the newest: %1).",
         "Not recorded: this prefix and suffix were asked %n times but never answered (the newest: %1)."),
    "A batch job goes to one Codestral endpoint: %n targets are checked in Compare.":
        ("A batch job goes to one Codestral endpoint: %n target is checked in Compare.",
         "A batch job goes to one Codestral endpoint: %n targets are checked in Compare."),
    "last %n request(s), up to %1 ms · dashed: their p50 (answered, not cached)":
        ("the last request, up to %1 ms · dashed: its p50 (answered, not cached)",
         "last %n requests, up to %1 ms · dashed: their p50 (answered, not cached)"),
}


def _regular(source):
    """The one and the many of a source text that says "(s)": "%n model(s)" -> "%n model", "%n models"."""
    return (source.replace("(s)", ""), source.replace("(s)", "s"))


def complete(sources):
    for source in sources:
        if source not in TRANSLATIONS and "(s)" in source:
            TRANSLATIONS[source] = _regular(source)
