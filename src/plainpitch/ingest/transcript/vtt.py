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
        captions.add_block(raw, path, start_index, lines, captions.timing_line(lines))
    return captions.to_cues(raw)
