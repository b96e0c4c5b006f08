// Facts a new MDF budget is checked against: its program (and its status), and whether its key is taken.
OPTIONAL MATCH (prog:Program {id: $programId})
RETURN prog.status AS programStatus, EXISTS { MATCH (:MdfBudget {id: $id}) } AS keyTaken
