"""Finding a consultation by the person's or consulter's name, kana, address or phone, within what the
caller may see; never by the consultation's own text."""

import httpx

from tsunagu_services.testing import TokenFactory

BASE = {"channel": "phone", "summary": "母の介護と生活費の相談（秘密の内容）", "urgent": False}


async def found(client: httpx.AsyncClient, headers: dict, q: str) -> list[str]:
    answer = await client.get("/api/v1/consultations", params={"q": q}, headers=headers)
    assert answer.status_code == 200, answer.text
    return [c["person_name"] for c in answer.json()["items"]]


async def test_by_name_kana_address_or_phone_in_any_spelling(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    csw = tokens.headers("csw", area="higashi", username="csw-higashi")
    for name, kana, phone, address in (
        ("小金井 花子", "こがねい はなこ", "042-387-1234", "小金井市本町6丁目"),
        ("小金井 次郎", "こがねい じろう", "090-1111-2222", "小金井市東町1丁目"),
    ):
        body = BASE | {"area": "higashi", "person_name": name, "person_kana": kana}
        body |= {"person_phone": phone, "person_address": address}
        assert (await client.post("/api/v1/consultations", json=body, headers=csw)).status_code == 201
    assert sorted(await found(client, csw, "こがねい")) == ["小金井 次郎", "小金井 花子"]
    for q in (
        "コガネイ ハナコ",
        "ｺｶﾞﾈｲ ﾊﾅｺ",
        "小金井　花子",
        "０４２－３８７－１２３４",
        "0423871234",
        "本町6",
        "花子",  # two kanji: no trigram, the bigram index serves it
        "本町",
    ):
        assert await found(client, csw, q) == ["小金井 花子"], q
    assert await found(client, csw, "東町") == ["小金井 次郎"]
    # One character has no two-character piece: still found, by the LIKE alone.
    assert sorted(await found(client, csw, "井")) == ["小金井 次郎", "小金井 花子"]
    assert await found(client, csw, "秘密") == []  # the consultation's text is not searched
    assert await found(client, csw, "100%") == []


async def test_only_within_what_the_caller_may_see(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    nishi = tokens.headers("csw", area="nishi", username="csw-nishi")
    body = BASE | {"area": "nishi", "person_name": "西原 三郎", "person_kana": "にしはら さぶろう"}
    assert (await client.post("/api/v1/consultations", json=body, headers=nishi)).status_code == 201
    assert await found(client, nishi, "にしはら") == ["西原 三郎"]
    higashi = tokens.headers("csw", area="higashi", username="csw-higashi")
    assert await found(client, higashi, "にしはら") == []
    assert await found(client, tokens.headers("supervisor", username="sup1"), "にしはら") == ["西原 三郎"]


async def test_a_query_too_long_or_empty_is_422(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    csw = tokens.headers("csw", area="higashi", username="csw-higashi")
    for q in ("", "あ" * 101):
        answer = await client.get("/api/v1/consultations", params={"q": q}, headers=csw)
        assert answer.status_code == 422, q
