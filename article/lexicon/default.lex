# narrate default pronunciation lexicon.
#
# Format: one rule a line, `WORD = replacement` or `/regexp/ = replacement`,
# optionally led by a language tag `[fr]`. Words match whole and case-
# sensitively; `#` starts a comment. Decided by listening to espeak-ng
# (`espeak-ng -v en-us -q -x TEXT` prints the phonemes it will say):
#
#   IS      -> 'Iz       the verb "is"          (wanted: the letters I S)
#   IS-K    -> Izk'eI    "iz-kay"               (wanted: I S K)
#   EI-K    -> 'aIk'eI   "eye-kay"              (French acronym of IS-K)
#   ISIS    -> 'aIsIs    "eye-sis", as said on air: left alone (ISIS-K too)
#   FSB, FBI, CIA, US, UN, EU, UK -> spelled letter by letter: left alone
#   NATO    -> n'eIt#oU  said as a word, as it should be: left alone
#   fr: EI  -> 'E        "è" (wanted: E I);  EI-K -> 'Ek'a
#
# Replacements use dotted letters: "I.S." is read ,aI'Es in English.

# The armed group "Islamic State" and its Khorasan branch.
[en] IS-K = I.S.K.
[en] EI-K = I.S.K.
[en] IS = I.S.
[fr] EI-K = E.I.K.
[fr] EI = E.I.
[es] EI = E.I.
