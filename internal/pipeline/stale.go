package pipeline

import (
	"strconv"

	"verordening/internal/answer"
	"verordening/internal/format"
	"verordening/internal/question"
	"verordening/internal/source"
)

// StaleAfterYears is how many years older than the inwerkingtreding a
// reference figure may be before check warns about it.
const StaleAfterYears = 2

// StaleFigures warns about every amount in use that equals a reference
// figure more than StaleAfterYears older than the date the verordening
// takes effect: amounts are indexed year by year, so such a figure should
// be checked against the current one before the raad adopts it. A figure
// from law in force (status geldend) is current whatever its year, and is
// not reported. Percentages are not reported: a share of working time is
// a choice of policy that does not lose its value with the years, and the
// documents name the source of one taken from an expired regime as
// history (see the toelichting of the intensity article).
//
// With the date of inwerkingtreding left open (the statutory default of
// the eighth day after publication), the date of adoption stands in for
// it; with both open there is no date to compare with.
func StaleFigures(ans *answer.Answers) source.ErrorList {
	var warns source.ErrorList
	date, event := InForce(ans), "de inwerkingtreding"
	if date == "" {
		date, event = adopted(ans), "de vaststelling"
	}
	if len(date) < 4 {
		return nil
	}
	year, err := strconv.Atoi(date[:4])
	if err != nil {
		return nil
	}
	for _, id := range ans.Sorted() {
		q := ans.Questionnaire().Lookup(id)
		v := ans.Values[id]
		if q.Source == nil || q.Source.Status == question.Geldend || q.Type != question.Bedrag || v.V != q.Default {
			continue
		}
		if year-q.Source.Year > StaleAfterYears {
			pos := v.Pos
			if v.Default {
				pos = source.Pos{File: ans.File, Line: 1, Col: 1}
			}
			warns.Warn(pos, "%s is %s uit %d (%s), meer dan %s jaar voor %s op %s; controleer of dit nog klopt en vul zo nodig het actuele cijfer in (%s: …)",
				id, show(q, v.V), q.Source.Year, q.Source.Title, format.Woord(StaleAfterYears), event, format.Datum(date), id)
		}
	}
	return warns
}

// InForce is the date the verordening takes effect, "2027-01-01", or ""
// when the answers leave it open.
func InForce(ans *answer.Answers) string {
	d, _ := ans.Get("inwerkingtreding").(string)
	return d
}

func adopted(ans *answer.Answers) string {
	d, _ := ans.Get("vaststelling_datum").(string)
	return d
}

// StatuteWarnings warns where a chosen clause cites a statute article
// that a known change alters after the text the clause was checked
// against, and on or before the date the verordening takes effect (any
// later change when that date is open); see clause.Library.StatuteWarnings.
func (c *Content) StatuteWarnings(ans *answer.Answers) source.ErrorList {
	return c.Library.StatuteWarnings(ans.Env(), InForce(ans))
}

func show(q *question.Question, v any) string {
	f, _ := v.(float64)
	if q.Type == question.Bedrag {
		return format.Bedrag(f)
	}
	return format.Procent(f)
}
