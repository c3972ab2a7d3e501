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

// StaleFigures warns about every amount or percentage in use that equals a
// reference figure more than StaleAfterYears older than the date the
// verordening takes effect: such a figure should be checked against the
// current one before the raad adopts it. A figure from law in force
// (status geldend) is current whatever its year, and is not reported.
func StaleFigures(ans *answer.Answers) source.ErrorList {
	var warns source.ErrorList
	date, _ := ans.Get("inwerkingtreding").(string)
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
		if q.Source == nil || q.Source.Status == question.Geldend || (q.Type != question.Bedrag && q.Type != question.Percentage) || v.V != q.Default {
			continue
		}
		if year-q.Source.Year > StaleAfterYears {
			pos := v.Pos
			if v.Default {
				pos = source.Pos{File: ans.File, Line: 1, Col: 1}
			}
			warns.Warn(pos, "%s is %s uit %d (%s), meer dan %s jaar voor de inwerkingtreding op %s; controleer of dit nog klopt en vul zo nodig het actuele cijfer in (%s: …)",
				id, show(q, v.V), q.Source.Year, q.Source.Title, format.Woord(StaleAfterYears), format.Datum(date), id)
		}
	}
	return warns
}

func show(q *question.Question, v any) string {
	f, _ := v.(float64)
	if q.Type == question.Bedrag {
		return format.Bedrag(f)
	}
	return format.Procent(f)
}
