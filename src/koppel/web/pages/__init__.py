"""The portal's own pages for everyone signed in: sign-in, the departments, a team leader's
planning, the own pages of mentors, teachers and students, and one's account."""
