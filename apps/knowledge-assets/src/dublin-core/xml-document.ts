import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/**
 * XML as the standards' adapters read and write it (fast-xml-parser), with the namespace resolution the
 * parser does not do: an element's name is its namespace URI and local name, whatever prefix a document
 * chose, as the Namespaces in XML recommendation says.
 */

/** A parsed element: child elements always as arrays, attributes prefixed `@_`, text under `#text`. */
export type XmlElement = { [key: string]: XmlElement[] | string | undefined } & { '#text'?: string };

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: { enabled: true, maxEntityCount: 1, maxExpandedLength: 1_000_000 },
  isArray: (_name: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) => !isAttribute,
});

/** Parses a document into elements (`XmlElement`); throws on XML that is not well formed. */
export function parseXmlDocument(xml: string): XmlElement {
  // No entity a DOCTYPE declares is expanded: neither OAI-PMH nor oai_dc has a use for one.
  if (/<!DOCTYPE[^>[]*\[/i.test(xml)) throw new Error('a DOCTYPE with declarations is refused');
  return parser.parse(xml, true) as XmlElement;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', suppressEmptyNode: true });

/** Characters XML 1.0 cannot hold, even escaped: dropped rather than writing a document no one can parse. */
const NOT_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHARACTERS, '');
}

/** Builds XML from a tree in the parser's shape (key order is document order); text is escaped. */
export function buildXml(tree: Record<string, unknown>): string {
  return builder.build(tree) as string;
}

/** The prefixes in scope of an element: its own `xmlns` declarations over its parent's. */
export function namespaceScope(element: XmlElement, parent: Readonly<Record<string, string>> = {}): Record<string, string> {
  const scope: Record<string, string> = { ...parent, xml: XML_NAMESPACE };
  for (const [key, value] of Object.entries(element)) {
    if (typeof value !== 'string') continue;
    if (key === '@_xmlns') scope[''] = value;
    else if (key.startsWith('@_xmlns:')) scope[key.slice('@_xmlns:'.length)] = value;
  }
  return scope;
}

/** The namespace URI and local name of an element or attribute name under a scope (attributes have no default namespace). */
export function expandedName(qualified: string, scope: Readonly<Record<string, string>>, isAttribute = false): { namespace: string | null; local: string } {
  const colon = qualified.indexOf(':');
  if (colon < 0) return { namespace: isAttribute ? null : (scope[''] ?? null), local: qualified };
  return { namespace: scope[qualified.slice(0, colon)] ?? null, local: qualified.slice(colon + 1) };
}

export interface ScopedElement {
  element: XmlElement;
  namespace: string | null;
  local: string;
  scope: Record<string, string>;
}

/** The child elements of an element, in document order within each name, with their expanded names. */
export function childElements(element: XmlElement, scope: Readonly<Record<string, string>>): ScopedElement[] {
  const children: ScopedElement[] = [];
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('@_') || key === '#text' || !Array.isArray(value)) continue;
    for (const child of value) {
      const childScope = namespaceScope(child, scope);
      children.push({ element: child, ...expandedName(key, childScope), scope: childScope });
    }
  }
  return children;
}

/** The first element with that expanded name, the root included, searched depth first. */
export function findElement(root: ScopedElement, namespace: string, local: string): ScopedElement | null {
  if (root.namespace === namespace && root.local === local) return root;
  for (const child of childElements(root.element, root.scope)) {
    const found = findElement(child, namespace, local);
    if (found) return found;
  }
  return null;
}

/** An attribute's value by expanded name. */
export function attributeOf(element: ScopedElement, namespace: string | null, local: string): string | undefined {
  for (const [key, value] of Object.entries(element.element)) {
    if (!key.startsWith('@_') || key.startsWith('@_xmlns') || typeof value !== 'string') continue;
    const name = expandedName(key.slice(2), element.scope, true);
    if (name.namespace === namespace && name.local === local) return value;
  }
  return undefined;
}

/** The document's root, as a scoped element (the parser's top level holds only elements once the declaration is ignored). */
export function documentRoot(document: XmlElement): ScopedElement | null {
  return childElements(document, {})[0] ?? null;
}
