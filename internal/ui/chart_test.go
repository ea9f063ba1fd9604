package ui

import (
	"regexp"
	"strconv"
	"testing"
)

func TestAChartLeavesRoomForItsLongestValueLabel(t *testing.T) {
	// On a phone the labels are 22 units high, some 14 units a digit:
	// "10000" needs 70 units left of the axis, where 56 cut its first digit.
	for _, c := range []struct {
		value float64
		label string
	}{{80, "100"}, {9000, "10000"}, {12.5, "20"}} {
		groups := []barGroup{{label: "2015", bars: []bar{{value: c.value}}}}
		markup := columnChartMarkup("chart", groups, func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) })
		m := regexp.MustCompile(`<line class="axis" x1="([0-9.]+)"`).FindStringSubmatch(markup)
		if m == nil {
			t.Fatalf("no value axis in %.300s", markup)
		}
		axis, _ := strconv.ParseFloat(m[1], 64)
		if need := 14*float64(len(c.label)) + 6; axis < need {
			t.Errorf("top %s: the axis is at %.0f units, its label needs %.0f", c.label, axis, need)
		}
	}
}
