import CGraphviz
import Foundation

/// A cgraph ID discipline that numbers named objects in order of first appearance.
///
/// cgraph's default discipline uses the address of each interned name as the object id, and keeps
/// subgraphs ordered by id, so layouts depended on the heap: the same graph rendered twice in one
/// process could come out differently. Sequential ids make the order depend on the DOT text only.
/// Named objects get even ids (2, 4, 6…), anonymous ones odd ids, as in cgraph's own scheme.
enum SequentialIDDiscipline {
    /// The discipline, allocated once and never freed: cgraph keeps pointers to it.
    /// cgraph only reads it, under `GraphvizSession`'s lock.
    nonisolated(unsafe) static let discipline: UnsafeMutablePointer<Agdisc_t> = {
        let idDiscipline = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        idDiscipline.initialize(to: Agiddisc_t(
            open: { _, _ in Unmanaged.passRetained(NameTable()).toOpaque() },
            map: { state, _, name, id, create in
                NameTable.from(state).map(name: name, id: id, create: create != 0) ? 1 : 0
            },
            alloc: { _, _, _ in 0 },
            free: { _, _, _ in },
            print: { state, _, id in NameTable.from(state).name(for: id) },
            close: { state in
                guard let state else { return }
                Unmanaged<NameTable>.fromOpaque(state).release()
            },
            idregister: { _, _, _ in }
        ))
        let memory = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
        memory.initialize(to: relmap_default_memory_discipline())
        let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        io.initialize(to: relmap_default_io_discipline())
        let discipline = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agdisc_t(mem: memory, id: idDiscipline, io: io))
        return discipline
    }()

    /// The names seen in one root graph, by their bytes (not by Unicode equivalence, as cgraph compares them).
    final class NameTable {
        private var ids: [[UInt8]: UInt64] = [:]
        private var names: [UnsafeMutablePointer<CChar>] = []
        private var nextAnonymousID: UInt64 = 1

        static func from(_ state: UnsafeMutableRawPointer?) -> NameTable {
            Unmanaged<NameTable>.fromOpaque(state!).takeUnretainedValue()
        }

        func map(name: UnsafeMutablePointer<CChar>?, id: UnsafeMutablePointer<IDTYPE>?, create: Bool) -> Bool {
            guard let id else { return false }
            guard let name else {
                id.pointee = nextAnonymousID
                nextAnonymousID += 2
                return true
            }
            let key = Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
            if let known = ids[key] {
                id.pointee = known
                return true
            }
            guard create, let copy = strdup(name) else { return false }
            names.append(copy)
            let newID = UInt64(2 * names.count)
            ids[key] = newID
            id.pointee = newID
            return true
        }

        func name(for id: IDTYPE) -> UnsafeMutablePointer<CChar>? {
            guard id % 2 == 0, id > 0, id / 2 <= UInt64(names.count) else { return nil }
            return names[Int(id / 2) - 1]
        }

        deinit {
            names.forEach { free($0) }
        }
    }
}
