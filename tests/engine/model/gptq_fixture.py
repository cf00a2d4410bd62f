#!/usr/bin/python3
"""Writes small AutoGPTQ-format GPTBigCode folders for the engine's tests, packed
the way AutoGPTQ's QuantLinear.pack() packs them (qlinear_cuda_old.py), with numpy
only: an independent packer to check the engine's unpacking against.

  gptq_fixture.py OUT_DIR

Each folder holds config.json, the GPTQ settings, the quantised weights, and
expected.safetensors: every quantised linear's dequantised weight
"<prefix>.weight" [out, in] in float32, computed here from the integer codes.

  b4_g32        4 bits, groups of 32, desc_act false, quantize_config.json
  b4_g32_act    4 bits, groups of 32, desc_act true (g_idx a permutation's groups),
                settings in config.json quantization_config, weights named by
                model_basename "gptq_model-4bit-32g"
  b8_column     8 bits, group_size -1 (one group per output column)
"""
import json
import os
import struct
import sys

import numpy as np

EMBD, LAYERS, HEADS, VOCAB, POSITIONS = 64, 2, 4, 300, 64
LINEARS = {  # name: (in, out)
    "attn.c_attn": (EMBD, EMBD + 2 * (EMBD // HEADS)),
    "attn.c_proj": (EMBD, EMBD),
    "mlp.c_fc": (EMBD, 4 * EMBD),
    "mlp.c_proj": (4 * EMBD, EMBD),
}


def write_safetensors(path, tensors):
    dtypes = {np.float32: "F32", np.float16: "F16", np.int32: "I32"}
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        array = np.ascontiguousarray(tensors[name])
        data = array.tobytes()
        header[name] = {"dtype": dtypes[array.dtype.type], "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def pack(weight, scales, zeros, g_idx, bits):
    """AutoGPTQ QuantLinear.pack(): weight [out, in] float, scales/zeros [out, groups]."""
    scales = scales.T.copy()                          # [groups, out]
    zeros = zeros.T.copy()
    scale_zeros = zeros * scales
    half_scales = scales.astype(np.float16)
    infeatures = weight.shape[1]
    intweight = np.stack([np.round((weight[:, i] + scale_zeros[g_idx[i]]) /
                                   half_scales[g_idx[i]].astype(np.float32)).astype(np.int64)
                          for i in range(infeatures)], axis=1)
    intweight = intweight.T.astype(np.uint32)         # [in, out]
    per_word = 32 // bits
    qweight = np.zeros((intweight.shape[0] // 32 * bits, intweight.shape[1]), dtype=np.uint32)
    i, row = 0, 0
    while row < qweight.shape[0]:
        for j in range(i, i + per_word):
            qweight[row] |= intweight[j] << (bits * (j - i))
        i += per_word
        row += 1
    stored = (zeros - 1).astype(np.uint32)            # the v1 zero-point offset
    qzeros = np.zeros((stored.shape[0], stored.shape[1] // 32 * bits), dtype=np.uint32)
    i, col = 0, 0
    while col < qzeros.shape[1]:
        for j in range(i, i + per_word):
            qzeros[:, col] |= stored[:, j] << (bits * (j - i))
        i += per_word
        col += 1
    return qweight.view(np.int32), qzeros.view(np.int32), half_scales, g_idx.astype(np.int32)


def quantised_linear(rng, infeatures, outfeatures, bits, group_size, desc_act):
    groups = 1 if group_size < 0 else -(-infeatures // group_size)
    size = infeatures if group_size < 0 else group_size
    if desc_act:  # act-order: position p of a permutation belongs to group p // size
        perm = rng.permutation(infeatures)
        g_idx = np.empty(infeatures, dtype=np.int64)
        g_idx[perm] = np.arange(infeatures) // size
    else:
        g_idx = np.arange(infeatures) // size
    top = 2 ** bits
    codes = rng.integers(0, top, size=(outfeatures, infeatures))
    zeros = rng.integers(1, top, size=(outfeatures, groups)).astype(np.float32)  # whole codes 1..2^bits-1
    scales = rng.uniform(0.001, 0.02, size=(outfeatures, groups)).astype(np.float16).astype(np.float32)
    weight = (scales[:, g_idx] * (codes - zeros[:, g_idx])).astype(np.float32)
    return weight, scales, zeros, g_idx


def write_model(folder, bits, group_size, desc_act, in_config, basename, seed):
    rng = np.random.default_rng(seed)
    os.makedirs(folder, exist_ok=True)
    tensors, expected = {}, {}
    half = lambda *shape: rng.normal(0, 0.05, size=shape).astype(np.float16)
    tensors["transformer.wte.weight"] = half(VOCAB, EMBD)
    tensors["transformer.wpe.weight"] = half(POSITIONS, EMBD)
    tensors["transformer.ln_f.weight"] = np.ones(EMBD, np.float16)
    tensors["transformer.ln_f.bias"] = np.zeros(EMBD, np.float16)
    for layer in range(LAYERS):
        p = "transformer.h.%d." % layer
        for norm in ("ln_1", "ln_2"):
            tensors[p + norm + ".weight"] = (1 + half(EMBD)).astype(np.float16)
            tensors[p + norm + ".bias"] = half(EMBD)
        for name, (infeatures, outfeatures) in LINEARS.items():
            weight, scales, zeros, g_idx = quantised_linear(rng, infeatures, outfeatures, bits, group_size, desc_act)
            qweight, qzeros, half_scales, g = pack(weight, scales, zeros, g_idx, bits)
            tensors[p + name + ".qweight"] = qweight
            tensors[p + name + ".qzeros"] = qzeros
            tensors[p + name + ".scales"] = half_scales
            tensors[p + name + ".g_idx"] = g
            tensors[p + name + ".bias"] = half(outfeatures)
            expected[p + name + ".weight"] = weight
    settings = {"bits": bits, "group_size": group_size, "damp_percent": 0.01, "desc_act": desc_act,
                "sym": False, "true_sequential": True, "model_name_or_path": None,
                "model_file_base_name": basename, "quant_method": "gptq"}
    config = {"model_type": "gpt_bigcode", "architectures": ["GPTBigCodeForCausalLM"], "vocab_size": VOCAB,
              "n_positions": POSITIONS, "n_embd": EMBD, "n_layer": LAYERS, "n_head": HEADS, "n_inner": None,
              "multi_query": True, "activation_function": "gelu_pytorch_tanh", "layer_norm_epsilon": 1e-5,
              "scale_attn_weights": True, "tie_word_embeddings": True, "bos_token_id": 0, "eos_token_id": 0,
              "torch_dtype": "float16"}
    if in_config:
        config["quantization_config"] = settings
    else:
        with open(os.path.join(folder, "quantize_config.json"), "w") as out:
            json.dump(settings, out, indent=2)
    with open(os.path.join(folder, "config.json"), "w") as out:
        json.dump(config, out, indent=2)
    write_safetensors(os.path.join(folder, (basename or "model") + ".safetensors"), tensors)
    write_safetensors(os.path.join(folder, "expected.safetensors.ref"), expected)


def main():
    out = sys.argv[1]
    write_model(os.path.join(out, "b4_g32"), 4, 32, False, False, None, 1)
    write_model(os.path.join(out, "b4_g32_act"), 4, 32, True, True, "gptq_model-4bit-32g", 2)
    write_model(os.path.join(out, "b8_column"), 8, -1, False, False, None, 3)


if __name__ == "__main__":
    main()
