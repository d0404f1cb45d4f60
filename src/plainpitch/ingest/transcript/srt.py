"""SubRip (.srt): an index line, '00:00:00,500 --> 00:00:07,000', then the text; blank lines between cues.

Speakers come from ``Speaker: text`` prefixes (or ``>> Speaker:`` in broadcast captions); a file with none gives
every turn the speaker "Unknown". <i>/<b>/<font> tags and {\\an8} position codes are dropped. Dots are accepted
in place of commas, and a missing index line is tolerated.
"""

from __future__ import annotations

from plainpitch.ingest.transcript import captions
from plainpitch.ingest.transcript.turns import Cue


def parse(source: str, path: str) -> list[Cue]:
    raw: list[captions.RawCue] = []
    for start_index, lines in captions.blocks(source):
        timing_at = captions.timing_line(lines)
        if timing_at is None and lines[0][1].strip().isdigit() and len(lines) > 1:
            # an index line followed by something that is not a timing
            raise captions.bad_timing(path, lines[1][1], start_index + 2)
        captions.add_block(raw, path, start_index, lines, timing_at)
    return captions.to_cues(raw)
