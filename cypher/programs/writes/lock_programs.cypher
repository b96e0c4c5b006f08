// Onboarding locks the programs it adds to (in id order), so two concurrent onboardings of one partner
// into one program cannot both pass the "already a member" check, nor race a program's retirement.
UNWIND $programIds AS programId
MATCH (prog:Program {id: programId})
WITH prog ORDER BY prog.id
{{...write_lock(prog)}}
SET prog.version = coalesce(prog.version, 0) + 1
RETURN count(prog) AS locked
