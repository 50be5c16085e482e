package diagram

// Neighbourhood is the part of g around a system or stream: the streams
// that touch the item (a stream: itself), every leg of them and the boxes
// at their ends; each further step of depth adds the streams of the boxes
// reached. ok is false when id is neither a box nor a stream of g.
func (g Graph) Neighbourhood(id string, depth int) (Graph, bool) {
	boxes := map[string]bool{}
	streams := map[string]bool{}
	for _, b := range g.Boxes {
		if b.ID == id {
			boxes[id] = true
		}
	}
	for _, a := range g.Arrows {
		if a.Stream == id {
			streams[id] = true
		}
	}
	if len(boxes) == 0 && len(streams) == 0 {
		return Graph{}, false
	}
	for step := 0; step < max(depth, 1); step++ {
		for _, a := range g.Arrows { // the streams of the boxes reached
			if boxes[a.From] || boxes[a.To] {
				streams[a.Stream] = true
			}
		}
		for _, a := range g.Arrows { // and all their ends
			if streams[a.Stream] {
				boxes[a.From], boxes[a.To] = true, true
			}
		}
	}
	sub := Graph{Title: g.Title}
	for _, b := range g.Boxes {
		if boxes[b.ID] {
			sub.Boxes = append(sub.Boxes, b)
		}
	}
	for _, a := range g.Arrows {
		if streams[a.Stream] {
			sub.Arrows = append(sub.Arrows, a)
		}
	}
	return sub, true
}
