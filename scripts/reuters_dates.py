"""How well the parser dates Reuters-21578, whose datelines have no year.

Compares the dates in the parser's output (the CLI's JSON Lines on the
input `score_reuters.py input` writes) with the dates the corpus carries in
its own metadata, per rule that chose them.

    python3 scripts/reuters_dates.py OUTPUT.jsonl [../shared/corpora/reuters21578/reuters21578.jsonl]
"""
import collections
import json
import sys


def main(output, corpus):
    truth = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            story = json.loads(line)
            truth[story["newid"]] = story["date"]
    dated, right, undated = collections.Counter(), collections.Counter(), 0
    with open(output, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            date = record.get("date")
            if not date:
                undated += 1
                continue
            rule = (record.get("date_evidence") or {}).get("kind")
            dated[rule] += 1
            right[rule] += date == truth.get(int(record["id"].rsplit("/", 1)[-1]))
    total = sum(dated.values())
    print(f"dated {total}, undated {undated}, right {sum(right.values())} ({sum(right.values()) / max(total, 1):.3f})")
    for rule, n in dated.most_common():
        print(f"  {rule}: {n}, right {right[rule]} ({right[rule] / n:.3f})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "../shared/corpora/reuters21578/reuters21578.jsonl")
