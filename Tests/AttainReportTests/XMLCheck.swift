import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed XML document: elements in document order with attributes and direct text.
struct ParsedXML {
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String
  }
  var elements: [Element] = []

  func elements(named name: String, className: String? = nil) -> [Element] {
    elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
  }

  /// Concatenated text of all elements.
  var allText: [String] { elements.map(\.text).filter { !$0.isEmpty } }
}

/// Parses `text` with Foundation's `XMLParser`, returning nil (and the parser error) when it is not
/// well-formed XML.
func parseXML(_ text: String) -> (ParsedXML?, String?) {
  final class Delegate: NSObject, XMLParserDelegate {
    var doc = ParsedXML()
    var stack: [Int] = []
    var error: String?
    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
      attributes attributeDict: [String: String] = [:]
    ) {
      doc.elements.append(.init(name: elementName, attributes: attributeDict, text: ""))
      stack.append(doc.elements.count - 1)
    }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
      // swift-corelibs-foundation's parser can recover from a mismatched end tag; check nesting here.
      guard let i = stack.popLast(), doc.elements[i].name == elementName else {
        if error == nil { error = "mismatched end tag </\(elementName)>" }
        return
      }
    }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
      if error == nil { error = "\(parseError)" }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let i = stack.last { doc.elements[i].text += string }
    }
  }
  let parser = XMLParser(data: Data(text.utf8))
  let delegate = Delegate()
  parser.delegate = delegate
  if parser.parse(), delegate.error == nil, delegate.stack.isEmpty, !delegate.doc.elements.isEmpty {
    return (delegate.doc, nil)
  }
  if let error = delegate.error { return (nil, error) }
  if !delegate.stack.isEmpty { return (nil, "unclosed elements") }
  return (nil, parser.parserError.map { "\($0)" } ?? "unknown parse error")
}

/// Checks the invariants every chart must satisfy and returns the parsed document:
/// well-formed XML with an `<svg>` root and `viewBox`, no "NaN"/"inf" anywhere in the text or attributes,
/// every coordinate attribute finite and inside the viewBox, every path inside the viewBox.
@discardableResult
func checkSVG(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ParsedXML {
  let (parsed, error) = parseXML(svg)
  let doc = try #require(parsed, "not well-formed: \(error ?? "")", sourceLocation: sourceLocation)
  let root = try #require(doc.elements.first, sourceLocation: sourceLocation)
  #expect(root.name == "svg", sourceLocation: sourceLocation)
  let box = (root.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
  try #require(box.count == 4, sourceLocation: sourceLocation)
  let (w, h) = (box[2], box[3])
  let lowered = svg.lowercased()
  #expect(!lowered.contains("nan"), "NaN written", sourceLocation: sourceLocation)
  #expect(!lowered.contains("inf"), "inf written", sourceLocation: sourceLocation)
  let tolerance = 0.51
  func inside(_ v: Double, _ limit: Double) -> Bool { v.isFinite && v >= -tolerance && v <= limit + tolerance }
  for e in doc.elements.dropFirst() {
    for key in ["x", "x1", "x2", "cx"] {
      if let s = e.attributes[key] {
        let v = try #require(Double(s), "\(e.name) \(key)=\(s)", sourceLocation: sourceLocation)
        #expect(inside(v, w), "\(e.name) \(key)=\(s) outside 0…\(w)", sourceLocation: sourceLocation)
      }
    }
    for key in ["y", "y1", "y2", "cy"] {
      if let s = e.attributes[key] {
        let v = try #require(Double(s), "\(e.name) \(key)=\(s)", sourceLocation: sourceLocation)
        #expect(inside(v, h), "\(e.name) \(key)=\(s) outside 0…\(h)", sourceLocation: sourceLocation)
      }
    }
    if e.name == "rect", let x = e.attributes["x"].flatMap(Double.init), let y = e.attributes["y"].flatMap(Double.init),
      let rw = e.attributes["width"].flatMap(Double.init), let rh = e.attributes["height"].flatMap(Double.init)
    {
      #expect(rw >= 0 && rh >= 0 && inside(x + rw, w) && inside(y + rh, h), "rect outside", sourceLocation: sourceLocation)
    }
    if e.name == "path", let d = e.attributes["d"] {
      let numbers = d.split(whereSeparator: { " MLZ".contains($0) }).map { Double($0) }
      #expect(numbers.allSatisfy { $0 != nil }, "path d=\(d)", sourceLocation: sourceLocation)
      let values = numbers.compactMap { $0 }
      #expect(values.count % 2 == 0, sourceLocation: sourceLocation)
      for i in stride(from: 0, to: values.count - 1, by: 2) {
        #expect(inside(values[i], w) && inside(values[i + 1], h), "path point outside", sourceLocation: sourceLocation)
      }
    }
  }
  return doc
}
