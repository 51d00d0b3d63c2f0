#!/usr/bin/env python3
"""Generate a large academic site for benchmarks.

Copies examples/academic to OUT and adds N documents: publications, talks and
posts with realistic front matter, Markdown, math and code. The output is
deterministic for a given N (a fixed seed), so hyde and Jekyll build the same
input and runs can be compared across machines.

usage: gen_site.py OUT N
"""
import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "academic")

TOPICS = [
    "sparse coding", "rate reduction", "diffusion models", "contrastive learning",
    "attention sinks", "low-rank adaptation", "self-supervised video", "retrieval heads",
    "implicit regularisation", "optimal transport", "graph neural networks", "scaling laws",
]
VENUES = [
    "Conference on Neural Structures", "Journal of Representation Learning",
    "Workshop on Mechanistic Interpretability", "Symposium on Learning Theory",
]
CITIES = ["Berkeley, CA", "Vienna, Austria", "New Orleans, LA", "Kigali, Rwanda", "Seoul, Korea"]
WORDS = (
    "we study how deep networks compress high dimensional data into structured "
    "representations and show that each layer performs one step of an optimisation "
    "that trades coding rate against sparsity while keeping the signal intact"
).split()


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng, n=4):
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(n))


def body(rng):
    parts = [paragraph(rng), "## Method", paragraph(rng, 3)]
    parts.append("$$\n\\Delta R(Z) = \\frac{1}{2}\\log\\det\\left(I + \\frac{d}{n\\epsilon^2} ZZ^\\top\\right)\n$$")
    parts.append("The inline bound $O(\\sqrt{n})$ holds for *every* layer, and **all** heads.")
    parts.append("- first, " + sentence(rng, 6) + "\n- second, " + sentence(rng, 7) + "\n- third, " + sentence(rng, 5))
    if rng.random() < 0.6:
        parts.append("```python\nimport numpy as np\n\ndef rate(Z, eps=0.5):\n    n, d = Z.shape\n"
                     "    return 0.5 * np.linalg.slogdet(np.eye(d) + d / (n * eps**2) * Z.T @ Z)[1]\n```")
    if rng.random() < 0.3:
        parts.append("| setting | accuracy | params |\n|---|---:|---:|\n| small | 71.2 | 22M |\n| base | 78.9 | 86M |")
    parts.append(paragraph(rng, 2) + "[^1]\n\n[^1]: " + sentence(rng, 8))
    return "\n\n".join(parts) + "\n"


def date(rng):
    return rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out, n = sys.argv[1], int(sys.argv[2])
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(EXAMPLE, out, ignore=shutil.ignore_patterns("_site", ".jekyll-cache"))
    rng = random.Random(n)
    for i in range(n):
        kind = ("publications", "talks", "posts", "posts", "publications")[i % 5]
        y, m, d = date(rng)
        topic = rng.choice(TOPICS)
        slug = f"{topic.replace(' ', '-')}-{i}"
        title = f"{topic.capitalize()}: part {i}"
        if kind == "publications":
            fm = (f"title: \"{title}\"\ncollection: publications\ncategory: conferences\n"
                  f"permalink: /publication/{y}-{m:02}-{d:02}-{slug}\n"
                  f"excerpt: '{sentence(rng, 10)}'\ndate: {y}-{m:02}-{d:02}\n"
                  f"venue: '{rng.choice(VENUES)}'\npaperurl: 'https://example.org/{slug}.pdf'\n"
                  f"citation: 'Rivera, J. ({y}). &quot;{title}.&quot; <i>{rng.choice(VENUES)}</i>.'\n")
            path = f"_publications/{y}-{m:02}-{d:02}-{slug}.md"
        elif kind == "talks":
            fm = (f"title: \"{title}\"\ncollection: talks\ntype: \"Talk\"\n"
                  f"permalink: /talks/{y}-{m:02}-{d:02}-{slug}\nvenue: \"{rng.choice(VENUES)}\"\n"
                  f"date: {y}-{m:02}-{d:02}\nlocation: \"{rng.choice(CITIES)}\"\n")
            path = f"_talks/{y}-{m:02}-{d:02}-{slug}.md"
        else:
            tags = ", ".join(rng.sample(["theory", "python", "teaching", "notes", "vision", "llm"], 2))
            fm = f"title: \"{title}\"\ncategories: [research]\ntags: [{tags}]\n"
            path = f"_posts/{y}-{m:02}-{d:02}-{slug}.md"
        write(os.path.join(out, path), f"---\n{fm}---\n{body(rng)}")


if __name__ == "__main__":
    main()
