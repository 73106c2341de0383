"""Pictures of the graph: a timeline of channel statuses and the channel network at dates.

Nothing here imports matplotlib or networkx at module level: ``dckg query`` must
stay fast, so the drawing libraries load only when a picture is asked for.

data reads the graph, periods turns its dates into spans, lanes lays out its
status claims; timeline (with timeline_rows, timeline_shapes, timeline_axes) and
network (with network_layout, network_panel) draw the two pictures; style, svg
and save hold what both share: the look and legend, the tooltips, the file.
"""
