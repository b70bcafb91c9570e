import Mustache

// The values behind the busiest templates look their fields up by name. Without this, Mustache reflects each
// object on the context stack for every lookup, copying all of its fields, and a lookup that misses (an empty
// optional) climbs through every enclosing object: pages with thousands of relation rows took seconds each.

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": return root
        case "title": return title
        case "description": return description
        case "siteTitle": return siteTitle
        case "version": return version
        case "nav": return nav
        case "page": return page
        default: return nil
        }
    }
}

extension NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "href": return href
        case "current": return current
        default: return nil
        }
    }
}

extension ActorLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "href": return href
        case "kind": return kind
        case "separator": return separator
        default: return nil
        }
    }
}

extension CitationLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        case "title": return title
        default: return nil
        }
    }
}

extension RelationRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "rowAnchor": return rowAnchor
        case "kind": return kind
        case "period": return period
        case "sortDate": return sortDate
        case "status": return status
        case "type": return type
        case "years": return years
        case "parties": return parties
        case "place": return place
        case "summary": return summary
        case "figures": return figures
        case "citations": return citations
        case "conflictHref": return conflictHref
        case "sureness": return sureness
        default: return nil
        }
    }
}

extension RowList: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": return heading
        case "listAnchor": return listAnchor
        case "rows": return rows
        default: return nil
        }
    }
}

extension ActorBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "kind": return kind
        case "facts": return facts
        case "note": return note
        case "figure": return figure
        case "lists": return lists
        case "degree": return degree
        case "betweenness": return betweenness
        case "rank": return rank
        case "bloc": return bloc
        case "blocLeader": return blocLeader
        case "blocSize": return blocSize
        case "blocMoreCount": return blocMoreCount
        case "related": return related
        case "hasRelations": return hasRelations
        default: return nil
        }
    }
}

extension ActorBody.Fact: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "value": return value
        case "link": return link
        default: return nil
        }
    }
}

extension DiagramFigure: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "title": return title
        case "caption": return caption
        case "svg": return svg
        case "image": return image
        case "legend": return legend
        case "hasLegend": return hasLegend
        case "downloads": return downloads
        case "fullSize": return fullSize
        case "pageHref": return pageHref
        case "truncated": return truncated
        case "formatNote": return formatNote
        default: return nil
        }
    }
}

extension LegendLine: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "symbol": return symbol
        case "meaning": return meaning
        case "picture": return picture
        case "filter": return filter
        default: return nil
        }
    }
}

extension SourceBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "facts": return facts
        case "url": return url
        case "reference": return reference
        case "paragraphs": return paragraphs
        case "hasParagraphs": return hasParagraphs
        default: return nil
        }
    }
}

extension SourceBody.Paragraph: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "paragraphAnchor": return paragraphAnchor
        case "lists": return lists
        default: return nil
        }
    }
}

extension SourceBody.Rows: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "note": return note
        case "rows": return rows
        default: return nil
        }
    }
}

extension TimelineBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "years": return years
        case "hasYears": return hasYears
        case "mapNote": return mapNote
        case "undated": return undated
        case "figure": return figure
        case "mapYear": return mapYear
        case "yearList": return yearList
        case "yearBase": return yearBase
        default: return nil
        }
    }
}

extension TimelineBody.YearLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "year": return year
        case "yearAnchor": return yearAnchor
        case "href": return href
        case "events": return events
        case "began": return began
        case "ended": return ended
        case "inForce": return inForce
        case "hasMap": return hasMap
        default: return nil
        }
    }
}

extension TimelineYearBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "year": return year
        case "timeline": return timeline
        case "previous": return previous
        case "previousYear": return previousYear
        case "next": return next
        case "nextYear": return nextYear
        case "figure": return figure
        case "mapNote": return mapNote
        case "maps": return maps
        case "lists": return lists
        case "inForce": return inForce
        case "yearList": return yearList
        case "yearBase": return yearBase
        default: return nil
        }
    }
}

extension ViewBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "figure": return figure
        case "rows": return rows
        case "hasRows": return hasRows
        case "actors": return actors
        default: return nil
        }
    }
}

extension SearchBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "groups": return groups
        case "count": return count
        default: return nil
        }
    }
}

extension SearchBody.Group: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": return kind
        case "heading": return heading
        case "items": return items
        default: return nil
        }
    }
}

extension SearchBody.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "entry": return entry
        case "index": return index
        case "mapHref": return mapHref
        default: return nil
        }
    }
}

extension SearchEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": return kind
        case "title": return title
        case "detail": return detail
        case "text": return text
        case "url": return url
        case "map": return map
        default: return nil
        }
    }
}
