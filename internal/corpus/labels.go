package corpus

import "strconv"

// Language is an interface language of the explorer: the values it shows
// (dates, entity types) have a label in each.
type Language string

// The interface languages.
const (
	Arabic  Language = "ar"
	English Language = "en"
)

var monthNames = map[Language][12]string{
	Arabic: {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
		"يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	English: {"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
}

var unknownDate = map[Language]string{Arabic: "تاريخ غير مذكور", English: "date not given"}

// Label renders the date for a reader at the precision it has: in Arabic
// "3 نوفمبر 2018", "ديسمبر 2015", "2015"; in English "3 November 2018",
// "December 2015", "2015"; and says so when it is unknown. A language
// without labels gets the Arabic ones.
func (d Date) Label(lang Language) string {
	if _, ok := monthNames[lang]; !ok {
		lang = Arabic
	}
	switch d.precision {
	case YearPrecision:
		return strconv.Itoa(d.year)
	case MonthPrecision:
		return monthNames[lang][d.month-1] + " " + strconv.Itoa(d.year)
	case DayPrecision:
		return strconv.Itoa(d.day) + " " + monthNames[lang][d.month-1] + " " + strconv.Itoa(d.year)
	}
	return unknownDate[lang]
}

// EntityType is the kind of an entity an article mentions (see Entity).
type EntityType string

// The entity types, in the order the explorer lists their facets.
const (
	Organization EntityType = "organization"
	Media        EntityType = "media"
	Platform     EntityType = "platform"
	Place        EntityType = "place"
	Person       EntityType = "person"
)

// EntityTypes lists the entity types in the order the explorer shows them.
var EntityTypes = []EntityType{Organization, Media, Platform, Place, Person}

// entityTypeLabels are the types' labels as facet headings (plural).
var entityTypeLabels = map[EntityType]map[Language]string{
	Organization: {Arabic: "منظمات", English: "Organizations"},
	Media:        {Arabic: "إعلام", English: "Media"},
	Platform:     {Arabic: "منصات", English: "Platforms"},
	Place:        {Arabic: "أماكن", English: "Places"},
	Person:       {Arabic: "أشخاص", English: "People"},
}

// Label is the type's heading in an interface language ("منصات",
// "Platforms"); the type itself when it is not one of EntityTypes, Arabic
// for a language without labels.
func (t EntityType) Label(lang Language) string {
	labels, ok := entityTypeLabels[t]
	if !ok {
		return string(t)
	}
	if l, ok := labels[lang]; ok {
		return l
	}
	return labels[Arabic]
}
