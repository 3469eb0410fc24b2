import CLibXML2
import PEPModel

/// Renames the items of every list in a parsed PEP document to the item name of the published
/// XSD (`<targets><item>` becomes `<targets><target>`), so that the strict schema, the one we
/// write, still checks each item's fields whatever the sender called the item.
///
/// Only elements in the PEP namespace are renamed; anything else is left for the XSD to refuse.
enum ListItemNaming {
    /// Walks from the root `<pep>` through groups to the lists, renaming their items.
    static func canonicalise(_ doc: xmlDocPtr) {
        guard let root = xmlDocGetRootElement(doc), isPEPElement(root) else { return }
        visitChildren(of: root, prefix: "")
    }

    private static func visitChildren(of parent: xmlNodePtr, prefix: String) {
        var child = parent.pointee.children
        while let node = child {
            defer { child = node.pointee.next }
            guard isPEPElement(node), let name = name(of: node) else { continue }
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            switch ContractShape.node(at: path) {
            case .group: visitChildren(of: node, prefix: path)
            case .list:
                if let itemName = XMLPEPReader.itemNames[path] { renameItems(of: node, to: itemName) }
            case .scalar, nil: continue
            }
        }
    }

    private static func renameItems(of list: xmlNodePtr, to itemName: String) {
        var child = list.pointee.children
        while let node = child {
            defer { child = node.pointee.next }
            guard isPEPElement(node), name(of: node) != itemName else { continue }
            xmlNodeSetName(node, itemName)
        }
    }

    private static func isPEPElement(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let ns = node.pointee.ns, let href = ns.pointee.href else {
            return false
        }
        return String(cString: href) == XMLPEPReader.namespace
    }

    private static func name(of node: xmlNodePtr) -> String? {
        node.pointee.name.map { String(cString: $0) }
    }
}
