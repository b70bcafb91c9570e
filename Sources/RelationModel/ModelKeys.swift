/// The keys a model file may give, as the loader reads them, for tools that describe the format (the JSON
/// Schema of `relmap schema model`).
public enum ModelKeys {
    public static let source = ModelDecoder.sourceKeys
    public static let actor = ModelDecoder.actorKeys
    /// Every key a relation may give; `relationKeys(of:)` narrows it to one type.
    public static let relation = ModelDecoder.relationKeys
    /// The keys only some relation types accept.
    public static let typeSpecific = ModelDecoder.specificRelationKeys

    /// The type-specific keys a relation of `type` accepts.
    public static func typeSpecificKeys(of type: RelationType) -> Set<String> {
        ModelDecoder.keysByType[type] ?? []
    }
}
