import unicodedata

import pytest

from alliance_record.errors import InputError
from alliance_record.ingest import decode_seed, normalize_text


def test_bom_crlf_and_nfc_give_the_same_text():
    plain = "Caf\u00e9 in Tokyo\n\nSecond paragraph.\n"
    decomposed = unicodedata.normalize("NFD", plain)
    variants = [
        plain.encode("utf-8"),
        ("\ufeff" + plain).encode("utf-8"),
        plain.replace("\n", "\r\n").encode("utf-8"),
        ("\ufeff" + decomposed.replace("\n", "\r\n")).encode("utf-8"),
        plain.replace("\n", "\r").encode("utf-8"),
    ]
    decoded = {decode_seed(v, "x.txt") for v in variants}
    assert decoded == {plain}


def test_normalize_is_idempotent():
    text = "\ufeffa\r\nb\rc\u0065\u0301"
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == "a\nb\nc\u00e9"


def test_invalid_utf8_names_byte_offset_and_line():
    data = "first line\nsecond ".encode("utf-8") + b"\xff\xfe" + b" rest\n"
    with pytest.raises(InputError) as err:
        decode_seed(data, "seeds/bad.txt")
    msg = str(err.value)
    assert "seeds/bad.txt:2" in msg
    assert "byte 18" in msg


@pytest.mark.parametrize("data", [b"", b"   \n\n\t", "\ufeff\r\n".encode("utf-8")])
def test_empty_seed_is_an_error(data):
    with pytest.raises(InputError, match="empty"):
        decode_seed(data, "e.txt")


def test_binary_seed_is_an_error():
    with pytest.raises(InputError, match="binary"):
        decode_seed(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.txt")
    with pytest.raises(InputError, match="binary"):
        decode_seed(bytes(range(1, 32)) * 20, "ctl.txt")
