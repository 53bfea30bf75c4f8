/// PLOVER's sixteen event and interaction types, with the CAMEO root code closest to each.
public enum EventType: String, Sendable, Codable, CaseIterable {
    case AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT

    /// The CAMEO root (two digits) for GDELT and ICEWS users.
    public var cameoRoot: String {
        switch self {
        case .REQUEST: return "02"
        case .AGREE: return "03"
        case .CONSULT: return "04"
        case .SUPPORT: return "05"
        case .COOPERATE: return "06"
        case .AID: return "07"
        case .CONCEDE, .RETREAT: return "08"
        case .ACCUSE: return "11"
        case .REJECT: return "12"
        case .THREATEN: return "13"
        case .PROTEST: return "14"
        case .MOBILIZE: return "15"
        case .SANCTION: return "16"
        case .COERCE: return "17"
        case .ASSAULT: return "19"
        }
    }
}
