# examples/guides/checkpoints/load-file.py
from safetensors import safe_open
from safetensors.torch import load_file

tensors = load_file("mlp.safetensors")           # {'0.weight': tensor(...), ...}
with safe_open("mlp.safetensors", framework="pt") as f:
    print(f.metadata())                           # {'epoch': '12'}
