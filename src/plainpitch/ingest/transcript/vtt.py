"""WebVTT: Teams-style ``<v Speaker>`` voice tags and Zoom/Meet-style ``Speaker: text`` cues.

Handles the WEBVTT header and its metadata lines, NOTE/STYLE/REGION blocks (skipped), cue identifiers, hours
optional ("00:16.500"), Teams' short "0:0:0.570" times, hours past 24, cue settings after the timing, cue tags
(<c.color>, <b>, <i>, <lang>, <ruby>), inline timestamps (<00:19.000>) and entities. A closing </v> is optional.
A cue with several voices ("<v Ann>Hi</v> <v Bob>Hello</v>") becomes one cue per voice with the same timing.
"""

from __future__ import annotations

from plainpitch.ingest.transcript import captions
from plainpitch.ingest.transcript.turns import Cue

SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


def _is_skipped(first: str) -> bool:
    for word in SKIPPED_BLOCKS:
        if first.startswith(word) and (len(first) == len(word) or first[len(word)] in " \t"):
            return True
    return False


def parse(source: str, path: str) -> list[Cue]:
    raw: list[captions.RawCue] = []
    has_header = source.lstrip("\ufeff").startswith("WEBVTT")
    first_block = True
    for start_index, lines in captions.blocks(source):
        if first_block and has_header:
            # the header block: WEBVTT plus optional metadata lines ("Kind: captions", "Language: en")
            first_block = False
            timed = [i for i, (_, text) in enumerate(lines) if "-->" in text]
            if not timed:
                continue
            # no blank line after the header (hand-made files): the cue starts at its timing line
            start_index += timed[0]
            lines = lines[timed[0] :]
        first_block = False
        first = lines[0][1].strip()
        if _is_skipped(first):
            continue
        if "-->" in lines[0][1]:
            timing_at = 0
        elif len(lines) > 1 and "-->" in lines[1][1]:
            timing_at = 1  # a cue identifier above the timing
        else:
            for k in range(min(2, len(lines))):
                captions.check_not_timing(path, lines[k][1], start_index + k + 1)
            if raw:
                # text after a stray blank line inside a cue: it still belongs to the cue above
                raw[-1].payload.extend(lines)
            continue
        line_no = start_index + timing_at + 1
        start, end = captions.timing(path, lines[timing_at][1], line_no)
        payload = lines[timing_at + 1 :]
        raw.append(captions.RawCue(line_no, start, end, payload, captions.label_of(payload)))
    return captions.to_cues(raw)
