"""Reads a safetensors file with the Python standard library only (struct, json), checking the
layout the format requires, and prints its metadata and tensors as JSON for the test to compare.

Usage: python3 read_safetensors.py FILE
Written from the format's description (https://github.com/huggingface/safetensors#format), not
from tapegrad's code, so it is an independent check that other tools can read tapegrad's files.
"""
import json
import struct
import sys

FORMATS = {"F64": ("d", 8), "F32": ("f", 4), "I32": ("i", 4)}


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    (header_length,) = struct.unpack("<Q", data[:8])
    assert 8 + header_length <= len(data), "header length runs past the end of the file"
    assert header_length % 8 == 0, "header is not padded to a multiple of 8"
    header_text = data[8 : 8 + header_length].decode("utf-8")
    assert header_text.startswith("{"), "header does not start with {"
    header = json.loads(header_text)
    data_start = 8 + header_length
    metadata = header.pop("__metadata__", {})
    tensors = {}
    covered = 0
    for name, info in sorted(header.items(), key=lambda item: tuple(item[1]["data_offsets"])):
        begin, end = info["data_offsets"]
        assert begin == covered, f"{name}: offsets not contiguous ({begin} after {covered})"
        code, size = FORMATS[info["dtype"]]
        count = 1
        for extent in info["shape"]:
            count *= extent
        assert end - begin == count * size, f"{name}: offsets do not match shape and dtype"
        assert (data_start + begin) % size == 0, f"{name}: not aligned to its element size"
        values = struct.unpack(f"<{count}{code}", data[data_start + begin : data_start + end])
        tensors[name] = {"dtype": info["dtype"], "shape": info["shape"], "values": list(values)}
        covered = end
    assert data_start + covered == len(data), "bytes after the last tensor"
    return {"metadata": metadata, "tensors": tensors}


if __name__ == "__main__":
    print(json.dumps(read(sys.argv[1])))
