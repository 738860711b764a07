import pytest

from kg.loaders.readers.decode import PlanInputError, decode_plan_bytes, read_plan_text

TEXT = "第一章 总则\n到2030年，建成数据集300个。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom", "crlf", "gb18030", "utf16-bom"],
)
def test_encodings_decode_to_the_same_text(data):
    assert decode_plan_bytes(data) == TEXT


def test_explicit_encoding_wins():
    assert decode_plan_bytes(TEXT.encode("gbk"), encoding="gbk") == TEXT


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (b"", None, "the file is empty"),
        (b"  \n\n ", None, "the file is empty"),
        (b"\x00\x01\x02binary\x00", None, "binary file"),
        (bytes(range(128, 256)) * 4, None, "not UTF-8"),
        (TEXT.encode("utf-8"), "no-such-codec", "unknown encoding"),
        ("中文".encode("gbk"), "utf-8", "not valid utf-8"),
    ],
)
def test_bad_bytes_give_one_line_errors(data, encoding, message):
    with pytest.raises(PlanInputError, match=message) as err:
        decode_plan_bytes(data, "x.txt", encoding)
    assert "\n" not in str(err.value)


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(PlanInputError, match="no such file"):
        read_plan_text(tmp_path / "nope.txt")
    with pytest.raises(PlanInputError, match="is a folder"):
        read_plan_text(tmp_path)
