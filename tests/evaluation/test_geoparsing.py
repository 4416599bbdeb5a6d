"""Floors on the geoparsing benchmarks (small slices; full scores via `eventwire eval lgl|tr-news`)."""
from eventwire.evaluation import geoparsing


def test_trnews_floor(bench_dir):
    m = geoparsing.evaluate_trnews(data=bench_dir / "geoparsing" / "TR-News.xml", limit=25)
    assert m["toponym_f1"] > 0.6 and m["acc@161km"] > 0.55


def test_lgl_floor(bench_dir):
    m = geoparsing.evaluate_lgl(data=bench_dir / "geoparsing" / "lgl.xml", limit=40)
    assert m["toponym_f1"] > 0.5 and m["gold_acc@161km"] > 0.45
    # each record's outlet is its Article source; the outlet local lexicon is reported against no lexicon
    assert all(d["source"] for d in geoparsing.read_corpus(bench_dir / "geoparsing" / "lgl.xml"))
    assert m["acc@161km"] >= m["no_outlet_lexicon_acc@161km"]
