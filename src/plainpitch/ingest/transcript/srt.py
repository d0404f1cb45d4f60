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
        first = lines[0][1].strip()
        if "-->" in lines[0][1]:
            timing_at = 0
        elif len(lines) > 1 and "-->" in lines[1][1]:
            timing_at = 1
        elif first.isdigit() and len(lines) > 1:
            # an index line followed by something that is not a timing
            raise captions.bad_timing(path, lines[1][1], start_index + 2)
        else:
            for k in range(min(2, len(lines))):
                captions.check_not_timing(path, lines[k][1], start_index + k + 1)
            if raw:
                raw[-1].payload.extend(lines)  # text after a stray blank line belongs to the cue above
            continue
        line_no = start_index + timing_at + 1
        start, end = captions.timing(path, lines[timing_at][1], line_no)
        payload = lines[timing_at + 1 :]
        raw.append(captions.RawCue(line_no, start, end, payload, captions.label_of(payload)))
    return captions.to_cues(raw)
