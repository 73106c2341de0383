"""Pictures of the graph: a timeline of channel statuses and the channel network at dates.

Nothing here imports matplotlib or networkx at module level: ``dckg query`` must
stay fast, so the drawing libraries load only when a picture is asked for.
"""
