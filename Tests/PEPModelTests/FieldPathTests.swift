import PEPModel
import Testing

@Test(arguments: [
    ("targets[].area", "targets", "area"),
    ("ppplus.requests[].amount", "ppplus.requests", "amount"),
    ("a[].b[].c", "a", "b[].c"),
    ("[].x", "", "x"),
    ("targets[].", "targets", ""),
    ("cibl[].é", "cibl", "é"),
])
func aListMembersPathNamesItsListAndField(path: String, list: String, field: String) {
    let member = FieldPath(path).listMember
    #expect(member?.list == FieldPath(list))
    #expect(member?.field == field)
}

@Test(arguments: ["child.upn", "", "targets[]", "targets[x].area", "café[", "[]"])
func aPathOfNoListMemberHasNone(path: String) {
    #expect(FieldPath(path).listMember == nil)
}
