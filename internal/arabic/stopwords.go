package arabic

import "strings"

// stopWordList holds function words in normalized spelling (علي for على,
// الي for إلى, هولاء for هؤلاء), so every spelling variant hits after
// Normalize. It follows the idea of Lucene's Arabic list (prepositions,
// conjunctions, pronouns, demonstratives, relatives, auxiliaries, negations)
// and adds the question words that list misses (كم ماذا اين متي كيف لماذا
// هل), also as written together with a clitic or pronoun (ماهو، بماذا),
// which otherwise pull question-style queries toward any text asking
// something, and the prepositions with every pronoun (معنا, which would
// otherwise meet معنى). Content words are kept out on purpose: امام (also imam), ضد is
// in (a preposition), دولة and داعش are not.
const stopWordList = `
من في علي الي عن مع حتي منذ خلال بين عند لدي نحو ضمن حول دون عبر ضد قبل بعد
فوق تحت لدن
ثم او ام بل لكن لكنه لكنها ان انه انها انهم انهما بان بانه بانها لان لانه كي لكي
اذ اذا اذن لو لولا اما الا لما ايضا حيث حين عندما بينما كلما طالما
هو هي هم هن هما انا نحن انت انتم انتما انتن اياه اياها اياهم
هذا هذه هذان هاتان هولاء ذلك ذاك تلك اولئك اوليك هناك هنالك هنا ثمه
الذي التي الذين اللذان اللذين اللتان اللتين اللاتي اللواتي اللائي
كان كانت كانوا يكون تكون يكونوا ليس ليست ليسوا صار اصبح اضحي ظل مازال لازال
لا لم لن ما غير سوي قد لقد سوف
كل بعض جميع اي ايا مثل كما كذلك الان
كم ماذا اين متي كيف لماذا هل ممن مما عما فيما مهما ايان انى
ماهو ماهي ماهم ماهما ماهن بماذا لماذا عماذا ايهما ايهم اينما كيفما متيما
بم مم فيم عمن بما لمن بمن فيمن بأي لأي
معنا معك معكم معي منا منك منكم مني عنا عنك عنكم عني علينا عليك عليكم علي
الينا اليك اليكم بنا بك بكم بي فينا فيك فيكم لديك لدينا لديكم
منها منه منهم منهما فيها فيه فيهم عليه عليها عليهم عليهما له لها لهم لهما لك لكم لنا لي
به بها بهم بهما اليه اليها اليهم عنه عنها عنهم معه معها معهم لديه لديها لديهم
`

var stopWords = normalizedSet(stopWordList)

// normalizedSet is the set of the normalized words of a space-separated list:
// the lists are written as people spell the words, and matched after
// normalization like the text.
func normalizedSet(list string) map[string]struct{} {
	words := strings.Fields(list)
	set := make(map[string]struct{}, len(words))
	for _, w := range words {
		set[Normalize(w)] = struct{}{}
	}
	return set
}

// notConjoinedStopWords are words that look like و/ف plus a stop word but are
// content words: ولي (guardian, crown prince), والي (governor), فهم
// (understanding).
var notConjoinedStopWords = map[string]struct{}{"ولي": {}, "والي": {}, "فهم": {}}

// IsStopWord reports whether a normalized word is a function word that is
// not indexed. Besides the list, it accepts a stop word behind the
// conjunction و or ف (ومن، وفي، فهو، ولم) and any single Arabic letter (a
// detached و, the era letters م and هـ after a year).
func IsStopWord(norm string) bool {
	if _, ok := stopWords[norm]; ok {
		return true
	}
	if len(norm) == 2 && isArabicWord(norm) {
		return true
	}
	if len(norm) >= 6 && (strings.HasPrefix(norm, "و") || strings.HasPrefix(norm, "ف")) {
		if _, ok := notConjoinedStopWords[norm]; ok {
			return false
		}
		_, ok := stopWords[norm[2:]]
		return ok
	}
	return false
}
