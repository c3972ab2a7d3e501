package docx

import (
	"strings"

	"verordening/internal/document"
	"verordening/internal/version"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Namespaces.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctW   = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	relW  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

const contentTypes = xmlHeader +
	`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + ctW + `document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + ctW + `styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + ctW + `settings+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="` + ctW + `numbering+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="` + ctW + `header+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + ctW + `footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHeader +
	`<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relW + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relW + `extended-properties" Target="docProps/app.xml"/>` +
	`<Relationship Id="rId4" Type="` + relW + `custom-properties" Target="docProps/custom.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader +
	`<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rIdStyles" Type="` + relW + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="` + relW + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdNumbering" Type="` + relW + `numbering" Target="numbering.xml"/>` +
	`<Relationship Id="rIdHeader1" Type="` + relW + `header" Target="header1.xml"/>` +
	`<Relationship Id="rIdFooter1" Type="` + relW + `footer" Target="footer1.xml"/>` +
	`</Relationships>`

// status is the state of every document this package writes: a draft,
// until the raad or the college decides. It is in the page header and in
// the document properties.
const status = "Concept"

// coreXML returns the core properties: title, subject, creator (the
// gemeente), keywords, the program as the last to modify it, language and
// status. It has no dates: the clock would make the output differ from run
// to run, and the model holds no date of the document.
func coreXML(d *document.Document, lang string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties` +
		` xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	element(&b, "dc:title", d.Title.Plain())
	element(&b, "dc:subject", d.Subject)
	element(&b, "dc:creator", d.Gemeente)
	element(&b, "cp:keywords", keywords(d))
	element(&b, "cp:lastModifiedBy", modifiedBy)
	element(&b, "dc:language", lang)
	element(&b, "cp:category", string(d.Kind))
	element(&b, "cp:contentStatus", status)
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

// modifiedBy is the last author in the core properties.
const modifiedBy = "verordening"

// keywords returns the keywords of the core properties: the document's
// kind, the gemeente and its status.
func keywords(d *document.Document) string {
	kw := []string{string(d.Kind)}
	if g := d.Gemeente; g != "" {
		kw = append(kw, g)
	}
	return strings.Join(append(kw, strings.ToLower(status)), "; ")
}

// customXML holds the custom document property Status, which Word shows
// under File, Properties and a document library can filter on.
const customXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"` +
	` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
	`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Status"><vt:lpwstr>` + status + `</vt:lpwstr></property>` +
	`</Properties>`

// appXML returns the extended properties.
func appXML(d *document.Document) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Properties` +
		` xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
		` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	element(&b, "Application", version.Generator())
	element(&b, "Company", d.Gemeente)
	b.WriteString(`</Properties>`)
	return []byte(b.String())
}

// element writes <name>text</name>, or <name/> for empty text.
func element(b *strings.Builder, name, text string) {
	if text == "" {
		b.WriteString("<" + name + "/>")
		return
	}
	b.WriteString("<" + name + ">" + escape(text) + "</" + name + ">")
}

// settingsXML returns the document settings: no tracked revision ids and
// no compatibility quirks, so the file opens in Word 2013+ mode, and
// updateFields, so that Word offers to fill in the table of contents.
func settingsXML(lang string) []byte {
	return []byte(xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/>` +
		`<w:defaultTabStop w:val="708"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:updateFields w:val="true"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="` + escape(lang) + `"/>` +
		`<w:decimalSymbol w:val=","/>` +
		`<w:listSeparator w:val=";"/>` +
		`</w:settings>`)
}

// headerXML returns the page header: "Concept — " and the citeertitel,
// or the title. A header is not taken over by DROP.
func headerXML(d *document.Document) []byte {
	title := document.Plain(d.Citeertitel)
	if d.Citeertitel == "" {
		title = d.Title
	}
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
		`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	writeText(&b, []run{{text: status + " — ", format: format{bold: true}}})
	writeText(&b, inline(title))
	b.WriteString(`</w:p></w:hdr>`)
	return []byte(b.String())
}

// footerXML is the page footer "Pagina X van Y".
var footerXML = xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
	`<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>` +
	`<w:r><w:t xml:space="preserve">Pagina </w:t></w:r>` + pageField("PAGE") +
	`<w:r><w:t xml:space="preserve"> van </w:t></w:r>` + pageField("NUMPAGES") +
	`</w:p></w:ftr>`

// pageField is a complex field with instruction instr and "1" as its
// cached result.
func pageField(instr string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t>1</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}
