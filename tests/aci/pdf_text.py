"""The text of a PDF made by WeasyPrint, read back without a PDF library (none is a dependency).

Enough of PDF for WeasyPrint's output: objects (top level and in object streams),
Flate streams, Type0 fonts with a ToUnicode CMap (bfchar and bfrange), and the
``Tf``/``TJ``/``Tj``/``Tm`` operators of page contents. Each text-positioning
operator starts a new line; the result is the page texts joined.
"""

from __future__ import annotations

import re
import zlib

OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
HEX = re.compile(rb"<([0-9a-fA-F]*)>")


def _stream(body: bytes) -> bytes | None:
    start = body.find(b"stream")
    if start < 0:
        return None
    data = body[start + 6 : body.rfind(b"endstream")].lstrip(b"\r\n")
    head = body[:start]
    return zlib.decompress(data) if b"/FlateDecode" in head else data


def _objects(pdf: bytes) -> dict[int, bytes]:
    objects = {}
    for match in OBJECT.finditer(pdf):
        number, body = int(match.group(1)), match.group(2)
        objects[number] = body
        if b"/ObjStm" in body[:200]:
            data = _stream(body)
            first = int(re.search(rb"/First (\d+)", body).group(1))
            header = data[:first].split()
            pairs = [(int(header[i]), int(header[i + 1])) for i in range(0, len(header), 2)]
            for index, (inner, offset) in enumerate(pairs):
                end = pairs[index + 1][1] if index + 1 < len(pairs) else len(data) - first
                objects[inner] = data[first + offset : first + end]
    return objects


def _cmap(data: bytes) -> dict[int, str]:
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        codes = HEX.findall(block)
        for source, target in zip(codes[::2], codes[1::2], strict=False):
            mapping[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        codes = HEX.findall(block)
        for low, high, target in zip(codes[::3], codes[1::3], codes[2::3], strict=False):
            base = int(target, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(base + offset)
    return mapping


def pdf_text(pdf: bytes) -> str:
    objects = _objects(pdf)
    fonts = {}
    for number, body in objects.items():
        if b"/Type /Font" in body and (found := re.search(rb"/ToUnicode (\d+) 0 R", body)):
            fonts[number] = _cmap(_stream(objects[int(found.group(1))]) or b"")
    names = {}
    for body in objects.values():
        for name, number in re.findall(rb"/([A-Za-z0-9_.+-]+) (\d+) 0 R", body):
            if int(number) in fonts:
                names[name] = fonts[int(number)]
    lines: list[str] = []
    for body in objects.values():
        content = _stream(body) if b"stream" in body and b"Length1" not in body else None
        if not content or b"TJ" not in content and b"Tj" not in content:
            continue
        cmap: dict[int, str] = {}
        line = ""
        for token in re.finditer(
            rb"/([A-Za-z0-9_.+-]+) [\d.]+ Tf|\[(.*?)\] ?TJ|<([0-9a-fA-F]*)> ?Tj|Tm|Td|TD|T\*", content, re.S
        ):
            if token.group(1) is not None:
                cmap = names.get(token.group(1), {})
            elif token.group(2) is not None or token.group(3) is not None:
                for chunk in HEX.findall(token.group(2) or b"<" + token.group(3) + b">"):
                    text = chunk.decode()
                    line += "".join(cmap.get(int(text[i : i + 4], 16), "?") for i in range(0, len(text), 4))
            else:
                lines.append(line)
                line = ""
        lines.append(line)
    return "\n".join(line for line in lines if line)
