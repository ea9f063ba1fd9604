package ingest

import (
	"bufio"
	"bytes"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Arabic spreadsheets are often exported as UTF-16 ("Unicode text" in
// Excel, with a byte order mark) or in Windows-1256, the Arabic Windows
// code page. Both are read here and turned into UTF-8, with a warning
// naming the encoding, rather than refused as binary or as invalid UTF-8:
// the choice a person would make, since the text is all there. Windows-1256
// is assumed only when the bytes are not UTF-8 and read, in it, as Arabic
// text; anything else keeps the UTF-8 error and its byte offset.

// Encodings other than UTF-8 that ingest decodes.
const (
	encodingUTF16LE     = "UTF-16LE"
	encodingUTF16BE     = "UTF-16BE"
	encodingWindows1256 = "Windows-1256"
)

// encodingNote is the warning a file decoded from enc gets.
func encodingNote(enc string) string {
	return "decoded from " + enc + "; save the file as UTF-8 to read it as written"
}

// sniffEncoding names the encoding of a file from its first bytes (all of
// it when complete): "" for UTF-8 or anything unrecognised.
func sniffEncoding(head []byte, complete bool) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return encodingUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return encodingUTF16BE
	}
	valid := head
	if !complete {
		// The peek may end inside a character.
		for i := 1; i <= utf8.UTFMax && i <= len(valid); i++ {
			if utf8.RuneStart(valid[len(valid)-i]) {
				if !utf8.FullRune(valid[len(valid)-i:]) {
					valid = valid[:len(valid)-i]
				}
				break
			}
		}
	}
	if utf8.Valid(valid) || !readsAsArabic1256(head) {
		return ""
	}
	return encodingWindows1256
}

// readsAsArabic1256 reports whether b, read as Windows-1256, is Arabic text:
// most of its non-ASCII characters are Arabic letters and marks, as in an
// Arabic file, while UTF-8 of any script or a Latin code page reads as
// accented Latin letters and symbols.
func readsAsArabic1256(b []byte) bool {
	arabic, other := 0, 0
	for _, c := range b {
		if c < 0x80 {
			continue
		}
		if unicode.Is(unicode.Arabic, windows1256[c-0x80]) {
			arabic++
		} else {
			other++
		}
	}
	return arabic >= 8 && arabic >= 4*other
}

// decodedReader returns r read as UTF-8: r itself for UTF-8, a decoding
// reader for the encodings sniffEncoding names. A UTF-16 byte order mark
// is dropped; a UTF-8 one is left for the readers, which skip it.
func decodedReader(r *bufio.Reader) (*bufio.Reader, string) {
	head, err := r.Peek(64 << 10)
	enc := sniffEncoding(head, err != nil)
	switch enc {
	case encodingUTF16LE, encodingUTF16BE:
		r.Discard(2)
		return bufio.NewReaderSize(&utf16Reader{r: r, bigEndian: enc == encodingUTF16BE}, 1<<20), enc
	case encodingWindows1256:
		return bufio.NewReaderSize(&windows1256Reader{r: r}, 1<<20), enc
	}
	return r, ""
}

// decodedBytes is decodedReader for a whole file.
func decodedBytes(raw []byte) ([]byte, string) {
	enc := sniffEncoding(raw, true)
	if enc == "" {
		return raw, ""
	}
	out, err := io.ReadAll(decodedReaderOf(raw, enc))
	if err != nil {
		return raw, ""
	}
	return out, enc
}

func decodedReaderOf(raw []byte, enc string) io.Reader {
	switch enc {
	case encodingUTF16LE, encodingUTF16BE:
		return &utf16Reader{r: bufio.NewReader(bytes.NewReader(raw[2:])), bigEndian: enc == encodingUTF16BE}
	}
	return &windows1256Reader{r: bufio.NewReader(bytes.NewReader(raw))}
}

// utf16Reader decodes UTF-16 into UTF-8. An unpaired surrogate or an odd
// last byte becomes U+FFFD, which cleaning then reports.
type utf16Reader struct {
	r         *bufio.Reader
	bigEndian bool
	out       []byte
	unit      *uint16 // a unit read ahead that was not a low surrogate
}

func (u *utf16Reader) readUnit() (uint16, error) {
	if u.unit != nil {
		v := *u.unit
		u.unit = nil
		return v, nil
	}
	var b [2]byte
	n, err := io.ReadFull(u.r, b[:])
	if n == 1 {
		return utf8.RuneError, nil
	}
	if err != nil {
		return 0, err
	}
	if u.bigEndian {
		return uint16(b[0])<<8 | uint16(b[1]), nil
	}
	return uint16(b[1])<<8 | uint16(b[0]), nil
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) < len(p) {
		c, err := u.readUnit()
		if err != nil {
			if len(u.out) == 0 {
				return 0, err
			}
			break
		}
		r := rune(c)
		if utf16.IsSurrogate(r) {
			next, err := u.readUnit()
			if err == nil {
				if dec := utf16.DecodeRune(r, rune(next)); dec != unicode.ReplacementChar {
					r = dec
				} else {
					u.unit = &next
					r = unicode.ReplacementChar
				}
			} else {
				r = unicode.ReplacementChar
			}
		}
		u.out = utf8.AppendRune(u.out, r)
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

// windows1256Reader decodes Windows-1256 into UTF-8.
type windows1256Reader struct {
	r   *bufio.Reader
	out []byte
}

func (w *windows1256Reader) Read(p []byte) (int, error) {
	for len(w.out) < len(p) {
		c, err := w.r.ReadByte()
		if err != nil {
			if len(w.out) == 0 {
				return 0, err
			}
			break
		}
		if c < 0x80 {
			w.out = append(w.out, c)
		} else {
			w.out = utf8.AppendRune(w.out, windows1256[c-0x80])
		}
	}
	n := copy(p, w.out)
	w.out = w.out[n:]
	return n, nil
}

// windows1256 maps the bytes 0x80–0xFF of Windows-1256 to Unicode (every
// byte is defined).
var windows1256 = [128]rune{
	0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,
	0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,
	0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
	0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
	0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
	0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,
	0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,
	0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
	0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7,
	0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,
	0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7,
	0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,
	0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7,
	0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,
}
