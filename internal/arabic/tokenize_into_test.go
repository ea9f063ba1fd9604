package arabic

import (
	"reflect"
	"testing"
)

// TokenizeInto gives Tokenize's tokens, in the buffer's memory when it has
// room: a second text overwrites the first's tokens rather than allocating.
func TestTokenizeIntoReusesTheBufferAndGivesTheSameTokens(t *testing.T) {
	first := "أعلن تنظيم #الدولة_الإسلامية على تويتر أمس"
	second := "وحذف @Amaq_Agency حسابات http://example.com"
	buf := TokenizeInto(nil, first)
	if !reflect.DeepEqual(buf, Tokenize(first)) {
		t.Fatalf("TokenizeInto(nil) = %v, Tokenize = %v", buf, Tokenize(first))
	}
	again := TokenizeInto(buf, second)
	if !reflect.DeepEqual(again, Tokenize(second)) {
		t.Errorf("TokenizeInto(buf) = %v, Tokenize = %v", again, Tokenize(second))
	}
	if &again[0] != &buf[0] {
		t.Errorf("the second text's tokens were not written into the buffer")
	}
	if n := testing.AllocsPerRun(10, func() { buf = TokenizeInto(buf, second) }); n != 0 {
		t.Errorf("tokenizing into a buffer with room allocates %v times", n)
	}
}
