#!/usr/bin/env python3
"""Builds data/common_words.txt, the words of Arabic news prose that are almost never
(part of) a named entity. The project lexicon does not learn a one-word name made of
such a word from the annotator's decisions without confirmation (a manual MISC label
on جدا must not make جدا a suggestion in every later article).

Input: NewsFANE Gold 2014 (F. Alotaibi and M. Lee, COLING 2014; CC BY-SA 3.0), the file
../shared/corpus/external/newsfane/NewsFANE_Gold_2014_170K.txt: one token a line,
TOKEN<TAB>IOB2-TAG, clitics pre-segmented, an LRM before every Arabic token.

Rule: an Arabic token (LRM removed) that occurs at least MIN_COUNT times and is inside a
named entity in at most MAX_ENTITY_SHARE of its occurrences. The list is derived from
NewsFANE and carries its licence (CC BY-SA 3.0) and attribution, stated in the file.

usage: python3 data/tools/build_common_words.py NEWSFANE_FILE > data/common_words.txt
"""
import collections
import re
import sys

MIN_COUNT = 8
MAX_ENTITY_SHARE = 0.05
ARABIC = re.compile('[\u0621-\u064A]')
# Reply words and interjections of quoted speech, rare in newswire and so missing from
# the corpus counts (written for Taliq).
BY_HAND = ['نعم', 'كلا', 'حسنا', 'شكرا', 'طبعا', 'ربما', 'أهلا', 'مرحبا', 'آسف', 'للأسف']


def main(path):
    total = collections.Counter()
    in_entity = collections.Counter()
    with open(path, encoding='utf-8-sig') as f:
        for line in f:
            line = line.rstrip('\r\n')
            if '\t' not in line:
                continue
            token, tag = line.split('\t', 1)
            token = token.replace('\u200e', '').strip()
            if not token or not ARABIC.search(token):
                continue
            total[token] += 1
            if tag.strip() != 'O':
                in_entity[token] += 1
    words = sorted(
        w for w, n in total.items()
        if n >= MIN_COUNT and in_entity[w] / n <= MAX_ENTITY_SHARE
    )
    print('# Common words of Arabic news prose: tokens of NewsFANE Gold 2014 that occur at')
    print(f'# least {MIN_COUNT} times and are inside a named entity in at most '
          f'{int(MAX_ENTITY_SHARE * 100)}% of their occurrences.')
    print('# Source: NewsFANE Gold 2014, F. Alotaibi and M. Lee, "A Hybrid Approach to Features')
    print('# Representation for Fine-grained Arabic Named Entity Recognition", COLING 2014.')
    print('# Licence: CC BY-SA 3.0 (derived from NewsFANE Gold). Built by')
    print('# data/tools/build_common_words.py; one word a line (clitics split, some hamzas dropped')
    print('# as in the corpus: Taliq compares normalized forms).')
    for w in words:
        print(w)
    print('# Added by hand (written for Taliq): reply words and interjections of quoted speech.')
    for w in BY_HAND:
        if w not in words:
            print(w)


if __name__ == '__main__':
    main(sys.argv[1])
