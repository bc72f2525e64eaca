#!/usr/bin/env python3
"""Fills a .ts file that lupdate wrote with the translations of a dictionary, so they can be applied
again after every `cmake --build <dir> --target update_translations`.

    resources/translations/fill_ts.py fr    # fim-playground_fr.ts from fr.py (TRANSLATIONS)
    resources/translations/fill_ts.py en    # fim-playground_en.ts (plural forms only) from en.py

A dictionary maps an English source text to its translation, or, for a message with %n, to a tuple
of the language's plural forms. A key (context, source) overrides the plain source in one context.
French typography is applied to fr: a no-break space before : and inside « », a narrow one before
; ? !. Prints what is left untranslated and exits 1 when anything is.
"""
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(language, sources):
    spec = importlib.util.spec_from_file_location(language, HERE / f"{language}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hasattr(module, "complete"):  # a rule for the regular forms (en.py: "(s)")
        module.complete(sources)
    return module.TRANSLATIONS


def french_typography(text):
    text = re.sub(r" ([:])", "\u00a0\\1", text)
    text = re.sub(r" ([;?!])", "\u202f\\1", text)
    text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    return text


def problems(source, form, plural):
    """What a translation lost of its source: a placeholder, an HTML tag, the accelerator, a tab."""
    found = []
    marks = lambda t: sorted(re.findall(r"%L?(?:\d|n)", t))
    numbered = lambda t: [m for m in marks(t) if not m.endswith("n")]
    # Each %1 %2 kept; %n kept too, except that a singular may say "once" for "%n time".
    if numbered(source) != numbered(form) or (not plural and marks(source) != marks(form)):
        found.append(f"placeholders {marks(source)} -> {marks(form)}")
    if sorted(re.findall(r"</?[a-z0-9]+", source)) != sorted(re.findall(r"</?[a-z0-9]+", form)):
        found.append("HTML tags differ")
    if (re.search(r"&[^ &]", source) is not None) != (re.search(r"&[^ &]", form) is not None):
        found.append("accelerator")
    if source.count("\t") != form.count("\t") or source.count("\n") != form.count("\n"):
        found.append("tabs or line breaks differ")
    if source[:1] == " " and form[:1] != " " or source[-1:] == " " and form[-1:] != " ":
        found.append("leading or trailing space")
    return found


def fill(language):
    path = HERE / f"fim-playground_{language}.ts"
    tree = ET.parse(path)
    translations = load(language, [m.find("source").text or "" for m in tree.getroot().iter("message")])
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            source = message.find("source").text or ""
            translation = message.find("translation")
            value = translations.get((name, source), translations.get(source))
            if value is None:
                missing.append((name, source))
                continue
            plural = message.get("numerus") == "yes"
            forms = list(value) if isinstance(value, tuple) else [value]
            if plural != isinstance(value, tuple):
                missing.append((name, source + "   [plural forms expected]" if plural else source + "   [no plural expected]"))
                continue
            if language == "fr":
                forms = [french_typography(f) for f in forms]
            for form in forms:
                for problem in problems(source, form, plural):
                    missing.append((name, f"{source}   [{problem}: {form!r}]"))
            translation.attrib.pop("type", None)
            if plural:
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = forms[0]
    ET.indent(tree, space="    ")
    # In lupdate's own layout (contexts not indented), so lupdate and this script agree line for line.
    body = ET.tostring(tree.getroot(), encoding="unicode")
    body = "\n".join(line[4:] if line.startswith("    ") else line for line in body.split("\n"))
    escapes = {"'": "&apos;", '"': "&quot;", "\u00a0": "&#xa0;", "\u202f": "&#x202f;"}
    body = re.sub(r">([^<]*)<", lambda m: ">" + "".join(escapes.get(c, c) for c in m.group(1)) + "<", body)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    for name, source in missing:
        print(f"untranslated [{name}] {source!r}")
    total = sum(1 for _ in tree.getroot().iter("message"))
    print(f"{path.name}: {total - len(missing)} of {total} messages translated")
    return not missing


if __name__ == "__main__":
    ok = all(fill(language) for language in (sys.argv[1:] or ["fr", "en"]))
    sys.exit(0 if ok else 1)
