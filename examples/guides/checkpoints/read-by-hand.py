# examples/guides/checkpoints/read-by-hand.py
import json, struct

with open("mlp.safetensors", "rb") as f:
    data = f.read()
(n,) = struct.unpack("<Q", data[:8])
header = json.loads(data[8 : 8 + n])
info = header["0.bias"]
begin, end = info["data_offsets"]
bias = struct.unpack(f"<{(end - begin) // 8}d", data[8 + n + begin : 8 + n + end])  # F64
print(info["dtype"], info["shape"], [round(b, 4) for b in bias])
