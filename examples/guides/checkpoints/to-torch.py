# examples/guides/checkpoints/to-torch.py
import re

import torch
from safetensors.torch import load_file

# The architecture of the saved tapegrad MLP: Sequential(Linear(4, 8), ReLU(), Linear(8, 3))
torch_model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))

# runningMean -> running_mean; leave out an optimizer's tensors, which are not the model's
sd = {re.sub(r"[A-Z]", lambda m: "_" + m.group().lower(), k): v
      for k, v in load_file("mlp.safetensors").items() if not k.startswith("optimizer.")}
# float64 -> float32 like the torch model; int32 -> int64 (num_batches_tracked)
sd = {k: v.float() if v.is_floating_point() else v.long() for k, v in sd.items()}
torch_model.load_state_dict(sd)
