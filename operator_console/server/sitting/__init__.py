"""A candidate's attempts at their seat: started, answered (judged and stored in group commits),
finished into results, recorded, and the incidents raised on the way."""
