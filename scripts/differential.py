"""What the random comparisons share: a site of generated pages built by Jekyll and by sheaf.

For Markdown, a site is one folder of pages named p0001.md, p0002.md, ... whose layout writes the
page's content alone, so each built page is the converter's HTML and nothing else. Jekyll 4.3.1
(`jekyll build`) and the sheaf jar each build it; a page sheaf's build fails on is found by
building halves of the pages alone. Where sheaf names the pages it refuses (Liquid, Sass), the
site is built again without them instead.
"""
import os
import re
import shutil
import subprocess
import sys


def write_site(site, texts):
    """Writes a site of the Markdown texts, in order, and returns the pages' names."""
    os.makedirs(os.path.join(site, "_layouts"))
    with open(os.path.join(site, "_config.yml"), "w") as f:
        f.write("defaults:\n  - scope: {path: \"\"}\n    values: {layout: bare}\n")
    with open(os.path.join(site, "_layouts", "bare.html"), "w") as f:
        f.write("{{ content }}")
    names = []
    for n, text in enumerate(texts, 1):
        name = "p%04d" % n
        names.append(name)
        with open(os.path.join(site, name + ".md"), "w") as f:
            f.write("---\n---\n" + text)
    return names


def jekyll_build(site, out):
    subprocess.run(["jekyll", "build", "--quiet", "--disable-disk-cache", "-s", site, "-d", out],
                   check=True, env=dict(os.environ, TZ="UTC", JEKYLL_ENV="production"))
    shutil.rmtree(os.path.join(site, ".jekyll-cache"), ignore_errors=True)


def sheaf_build(site, out, jar, names, crashed):
    """Builds names of site with sheaf into out; where the build fails, builds each half of the
    pages on its own, down to the pages that fail alone, which go into crashed."""
    part = site + "-" + names[0] + "-" + str(len(names))
    shutil.copytree(site, part, ignore=lambda folder, files: [
        f for f in files if f.endswith(".md") and f[:-3] not in names and folder == site])
    built = subprocess.run(["java", "-jar", jar, "build", "-q", part, "-d", out], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
    shutil.rmtree(part)
    if built.returncode == 0:
        return
    if len(names) == 1:
        crashed.append(names[0])
        return
    half = len(names) // 2
    sheaf_build(site, out + "-a", jar, names[:half], crashed)
    sheaf_build(site, out + "-b", jar, names[half:], crashed)
    for piece in (out + "-a", out + "-b"):
        if os.path.isdir(piece):
            shutil.copytree(piece, out, dirs_exist_ok=True)
            shutil.rmtree(piece)


def sheaf_build_without_refused(jar, write, dest, refused_in):
    """Builds the site write(left_out) writes, and returns, with sheaf into dest; where the build
    fails, refused_in(output) gives {page: message} of the pages sheaf's errors name, and the site
    is written and built again without them. Returns the pages left out, {page: message}."""
    refused = {}
    while True:
        site = write(refused)
        shutil.rmtree(dest, ignore_errors=True)
        run = subprocess.run(["java", "-jar", jar, "build", "-q", "-d", dest, site], capture_output=True,
                             text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
        if run.returncode == 0:
            return refused
        output = run.stdout + run.stderr
        more = {page: message for page, message in refused_in(output).items() if page not in refused}
        if not more:
            sys.exit("sheaf build failed:\n" + output[-3000:])
        refused.update(more)


SPACE = re.compile(r"\s+")
SPACE_BY_TAG = re.compile(r" ?([<>]) ?")


def without_space(html):
    """html with runs of white space read as one space, none next to a tag."""
    return SPACE_BY_TAG.sub(r"\1", SPACE.sub(" ", html)).strip()


def read(path):
    """The bytes of the file at path, or None where there is none."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None
