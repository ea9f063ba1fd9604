package arabic

// Version identifies the analysis: the terms and norms Analyze gives a text.
// A bundle records the version it was built with, and index.Open refuses a
// bundle of another version, since its terms would no longer be the ones a
// query analyzes to: results would silently miss.
//
// Bump it whenever the goldens in testdata/golden change (TestGolden fails
// when the analysis differs from them under the same version, and -update
// refuses to rewrite them until it is bumped).
//
// 2: ت is folded to ي for imperfect verbs only (with pattern or lexicon
// evidence), people's names and the tens keep their endings, question words
// and prepositions with a pronoun are stop words in every clitic form, and a
// stop word inside a known name is a term there.
//
// 3: a noun of its own in ة keeps it (شركة، منطقة: see feminineNouns),
// and given names in ي between a first and a last name are not cut.
//
// 4: the verbal noun and the imperfect of forms VII, VIII and X meet the
// past verb (اعتراض، يعترض → اعترض; see derivedFormVerb).
//
// 5: a known name that holds a stop word is found with proclitics on its
// first word (وبان كي مون).
//
// 6: the pronoun هم/هن is cut after three letters the lexicon knows
// (أرضهم → أرض, not تفاهم).
//
// 7: the verbal noun of a hollow verb of form IV or X meets the verb again
// (إعادة and أعاد, استقالة and استقال: not feminine nouns of their own).
//
// 8: the question and relative ما and من contracted with a preposition
// (بم، فيم، مم، عمن، فيمن، بمن، لمن، بما) and أي behind one (بأي، لأي) are
// stop words: فيمن no longer meets اليمن.
const Version = 8
