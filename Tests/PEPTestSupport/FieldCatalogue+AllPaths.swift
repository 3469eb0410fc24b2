import PEPModel

extension FieldCatalogue {
    /// Every path the contract knows: scalars, lists, and list members (`targets[].area`), for
    /// tests that check a reader finds them all.
    public static var allPaths: [FieldPath] {
        scalars.map { FieldPath($0.name) }
            + lists.flatMap { list in [list.path] + list.fields.map { list.path.member($0.name) } }
    }
}
