#!/usr/bin/env bash
# The translations of the desktop (translations/fliptech_{en,es,de}.ts) against the source.
#   scripts/translations.sh          update the .ts files from the source (new strings come in
#                                    unfinished; strings gone from the source are dropped)
#   scripts/translations.sh --check  fail when a string of the source is missing from a .ts file
#                                    or left untranslated in Spanish or German, or an English
#                                    plural has no forms (the files are not changed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lupdate=""
for candidate in lupdate6 /usr/lib/qt6/bin/lupdate "$(command -v lupdate || true)"; do
  if [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null 2>&1; then lupdate="$candidate"; break; fi
done
[[ -n "$lupdate" ]] || { echo "translations: lupdate (qt6-l10n-tools) is not installed" >&2; exit 1; }
# Every file with user-visible strings: the desktop, the command line, and the two engine parts
# that write for people (the offline e-mail writer, the PDF report).
sources=("$here/modules/ui" "$here/app/main.cpp" "$here/modules/ai/src/offlinewriter.cpp" "$here/modules/analytics/src/reportexport.cpp")
langs=(en es de)

if [[ "${1:-}" != "--check" ]]; then
  for l in "${langs[@]}"; do
    "$lupdate" -silent -no-obsolete -locations none "${sources[@]}" -ts "$here/translations/fliptech_$l.ts"
  done
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for l in "${langs[@]}"; do
  cp "$here/translations/fliptech_$l.ts" "$work/"
  "$lupdate" -silent -no-obsolete -locations none "${sources[@]}" -ts "$work/fliptech_$l.ts"
done
python3 - "$here/translations" "$work" <<'PY'
import sys, xml.etree.ElementTree as ET
committed, updated = sys.argv[1], sys.argv[2]
def messages(path):
    out = {}
    for ctx in ET.parse(path).getroot().iter('context'):
        name = ctx.findtext('name')
        for m in ctx.iter('message'):
            out[(name, m.findtext('source'), m.findtext('comment'))] = m
    return out
problems = []
for lang in ('en', 'es', 'de'):
    before = messages(f'{committed}/fliptech_{lang}.ts')
    after = messages(f'{updated}/fliptech_{lang}.ts')
    missing = [k for k in after if k not in before]
    for k in missing[:10]:
        problems.append(f'fliptech_{lang}.ts lacks "{k[1]}" ({k[0]})')
    if len(missing) > 10:
        problems.append(f'fliptech_{lang}.ts lacks {len(missing) - 10} more strings')
    gone = [k for k in before if k not in after]
    if gone:
        problems.append(f'fliptech_{lang}.ts keeps {len(gone)} strings the source no longer has (first: "{gone[0][1]}")')
    for k, m in after.items():
        t = m.find('translation')
        numerus = m.get('numerus') == 'yes'
        if lang == 'en' and not numerus:
            continue  # English is the source language: only its plurals need forms
        forms = [f.text for f in t.iter('numerusform')] if numerus else [t.text]
        if t.get('type') in ('unfinished', 'vanished', 'obsolete') or not all(forms):
            problems.append(f'fliptech_{lang}.ts: "{k[1]}" ({k[0]}) is not translated')
if problems:
    print('translations: the .ts files do not match the source (run scripts/translations.sh, then translate):', file=sys.stderr)
    for p in problems[:60]:
        print('  ' + p, file=sys.stderr)
    if len(problems) > 60:
        print(f'  ... and {len(problems) - 60} more', file=sys.stderr)
    sys.exit(1)
print('translations: every string of the source is translated into Spanish and German')
PY
