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
	`<Override PartName="/word/header1.xml" ContentType="` + ctW + `header+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + ctW + `footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHeader +
	`<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relW + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relW + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader +
	`<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rIdStyles" Type="` + relW + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="` + relW + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdHeader1" Type="` + relW + `header" Target="header1.xml"/>` +
	`<Relationship Id="rIdFooter1" Type="` + relW + `footer" Target="footer1.xml"/>` +
	`</Relationships>`

// coreXML returns the core properties: title, subject, creator, language.
func coreXML(d *document.Document, lang string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties` +
		` xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	element(&b, "dc:title", plainText(d.Title))
	element(&b, "dc:subject", d.Subject)
	element(&b, "dc:creator", d.Gemeente)
	element(&b, "dc:language", lang)
	element(&b, "cp:category", string(d.Kind))
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

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
// no compatibility quirks, so the file opens in Word 2013+ mode.
func settingsXML(lang string) []byte {
	return []byte(xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/>` +
		`<w:defaultTabStop w:val="708"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="` + escape(lang) + `"/>` +
		`<w:decimalSymbol w:val=","/>` +
		`<w:listSeparator w:val=";"/>` +
		`</w:settings>`)
}

// headerXML returns the page header: the citeertitel, or the title.
func headerXML(d *document.Document) []byte {
	title := document.Plain(d.Citeertitel)
	if d.Citeertitel == "" {
		title = d.Title
	}
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
		`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	writeRuns(&b, inline(title))
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
