"""On calls, jargon is what the seller says: known technical terms count, transcription misspellings do not."""

from plainpitch.call_review import analyze_call
from plainpitch.ingest.transcript import load_transcript_text

CALL = (
    "Ana: We run it inbetween your Kubernetes clusters, so nothing changes for you.\n"
    "Ben: What is Kubernetes? We use something called inbetween-sync too.\n"
    "Ana: It is the system that runs your apps. I will send you a short summary on Friday.\n"
)


def test_seller_jargon_counts_and_transcription_misspellings_do_not():
    report = analyze_call(load_transcript_text(CALL, "call.txt"), me=["Ana"])
    flagged = {f.text for f in report.findings if f.code in ("JRG001", "JRG002")}
    assert "Kubernetes" in flagged or "Kubernetes clusters" in flagged
    assert not any("inbetween" in t for t in flagged)  # a misspelling, not a term the buyer must know
    assert all(f.turn == 0 for f in report.findings if f.code in ("JRG001", "JRG002"))  # the buyer's words are not the seller's jargon
