#!/usr/bin/env python3
"""Writes a tiny llama-architecture GGUF model that Debian's llama-server loads in milliseconds.

Random float32 weights from a fixed seed (so its answers are gibberish, but the same gibberish on
every machine at temperature 0), a byte-level GPT-2-style vocabulary (the 256 bytes, a few merges)
and the FIM tokens Qwen2.5-Coder uses, marked as control tokens and named in the
tokenizer.ggml.fim_*_token_id keys, so that /infill builds a real FIM prompt. Only printable ASCII
and the line break can win at the output layer: answers are readable and never end early.

    make_tiny_model.py OUT.gguf

No weights come from anywhere but this script.
"""
import sys

import numpy as np
from gguf import GGUFWriter, TokenType

SEED = 20261203
N_EMBD, N_LAYER, N_HEAD, N_FF, N_CTX_TRAIN = 64, 2, 4, 128, 4096

SPECIAL = ["<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|fim_pad|>",
           "<|repo_name|>", "<|file_sep|>"]


def byte_to_unicode():
    """GPT-2's map of the 256 bytes onto printable characters (as in its encoder.py)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {b: chr(c) for b, c in zip(bs, cs)}


def main(out_path):
    rng = np.random.default_rng(SEED)
    b2u = byte_to_unicode()
    tokens = [b2u[b] for b in range(256)]
    types = [TokenType.NORMAL] * 256
    # llama-server refuses a BPE vocabulary without merges: a few, with their merged tokens.
    pairs = [(" ", " "), ("e", "r"), ("i", "n"), ("t", "h"), ("(", ")")]
    merges = []
    for a, b in pairs:
        ua = "".join(b2u[x] for x in a.encode())
        ub = "".join(b2u[x] for x in b.encode())
        merges.append(f"{ua} {ub}")
        tokens.append(ua + ub)
        types.append(TokenType.NORMAL)
    special_id = {}
    for s in SPECIAL:
        special_id[s] = len(tokens)
        tokens.append(s)
        types.append(TokenType.CONTROL)
    n_vocab = len(tokens)

    w = GGUFWriter(out_path, "llama")
    w.add_name("fim-playground tiny test model")
    w.add_context_length(N_CTX_TRAIN)
    w.add_embedding_length(N_EMBD)
    w.add_block_count(N_LAYER)
    w.add_feed_forward_length(N_FF)
    w.add_head_count(N_HEAD)
    w.add_head_count_kv(N_HEAD)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_dimension_count(N_EMBD // N_HEAD)
    w.add_vocab_size(n_vocab)
    w.add_file_type(0)  # all float32

    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("default")
    w.add_token_list(tokens)
    w.add_token_types(types)
    w.add_token_merges(merges)
    w.add_bos_token_id(special_id["<|endoftext|>"])
    w.add_eos_token_id(special_id["<|endoftext|>"])
    w.add_pad_token_id(special_id["<|fim_pad|>"])
    w.add_add_bos_token(False)
    w.add_uint32("tokenizer.ggml.fim_pre_token_id", special_id["<|fim_prefix|>"])
    w.add_uint32("tokenizer.ggml.fim_suf_token_id", special_id["<|fim_suffix|>"])
    w.add_uint32("tokenizer.ggml.fim_mid_token_id", special_id["<|fim_middle|>"])
    w.add_uint32("tokenizer.ggml.fim_pad_token_id", special_id["<|fim_pad|>"])
    w.add_uint32("tokenizer.ggml.fim_rep_token_id", special_id["<|repo_name|>"])
    w.add_uint32("tokenizer.ggml.fim_sep_token_id", special_id["<|file_sep|>"])

    def rand(*shape, scale=0.3):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    w.add_tensor("token_embd.weight", rand(n_vocab, N_EMBD, scale=1.0))
    for i in range(N_LAYER):
        p = f"blk.{i}."
        w.add_tensor(p + "attn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        for name in ("attn_q", "attn_k", "attn_v", "attn_output"):
            w.add_tensor(p + name + ".weight", rand(N_EMBD, N_EMBD))
        w.add_tensor(p + "ffn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        w.add_tensor(p + "ffn_gate.weight", rand(N_FF, N_EMBD))
        w.add_tensor(p + "ffn_up.weight", rand(N_FF, N_EMBD))
        w.add_tensor(p + "ffn_down.weight", rand(N_EMBD, N_FF))
    w.add_tensor("output_norm.weight", np.ones(N_EMBD, dtype=np.float32))
    # Only printable ASCII (and the line break) get a row: every other token's logit is 0, below
    # the best of ~95 random ones, so answers are readable and the end-of-text token never wins.
    out = np.zeros((n_vocab, N_EMBD), dtype=np.float32)
    readable = [b for b in range(0x20, 0x7F)] + [0x0A]
    out[readable] = rand(len(readable), N_EMBD, scale=1.0)
    w.add_tensor("output.weight", out)

    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_tiny_model.py OUT.gguf")
    main(sys.argv[1])
